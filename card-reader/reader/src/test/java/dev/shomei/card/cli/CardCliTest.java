package dev.shomei.card.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.card.data.CardDataVerifier;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.TrustedCardKeys;
import dev.shomei.card.data.VerifiedCardData;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.card.sim.VirtualTerminals;
import dev.shomei.card.transport.PcscReaders;
import dev.shomei.protocol.pki.DevPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardCliTest {
    private static final String NUMBER = "123456789018";
    private static final String NAME = "試験\u3000太郎";

    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private VirtualTerminals terminals = VirtualTerminals.of("Reader A");
    private char[] prompted;

    @BeforeAll
    static void createPki() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void reset() {
        prompted = null;
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        CardCli cli = new CardCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> new PcscReaders(terminals.terminalFactory()), pki::jlisDevKey, prompt -> prompted, new SplittableRandom(7));
        return cli.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path newCard(String... extra) {
        Path file = dir.resolve("card-" + System.nanoTime() + ".json");
        String[] base = {"new", "--out", file.toString(), "--my-number", NUMBER, "--name", NAME, "--pin", "4321"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        assertEquals(0, run(args), err());
        return file;
    }

    private static VerifiedCardData verify(Path file) {
        VirtualCardFile card = VirtualCardFile.read(file);
        TrustedCardKeys keys = TrustedCardKeys.dev(KeyId.parse(DevPki.JLIS_DEV_KEY_ID), pki.jlisDevKey().getPublic());
        return new CardDataVerifier(keys).verify(new CardFiles(card.file(1), card.file(2), card.file(3), card.file(4)));
    }

    @Test
    void newWritesACardSignedByTheDevJlisKeyWithAGeneratedNumber() {
        Path file = dir.resolve("default.json");
        assertEquals(0, run("new", "--out", file.toString()), err());
        VerifiedCardData data = verify(file);
        assertTrue(MyNumber.isValid(data.myNumber().reveal()));
        assertEquals(KeyId.parse("9000033/001"), data.issuerKeyId());
        assertTrue(out().contains(data.myNumber().masked()), out());
        assertFalse(out().contains(data.myNumber().reveal()), out());
        assertEquals(3, VirtualCardFile.read(file).triesLeft());
    }

    @Test
    void newTakesEveryField() {
        Path file = newCard("--kana", "シケン\u3000タロウ", "--address", "東京都文京区本郷１丁目", "--birth", "19700101", "--sex", "1",
                "--tries", "1");
        VerifiedCardData data = verify(file);
        assertEquals(NUMBER, data.myNumber().reveal());
        assertEquals(NAME, data.name());
        assertEquals("東京都文京区本郷１丁目", data.address());
        assertEquals("1970-01-01", data.birthDate().toString());
        assertEquals('1', data.sex().code());
        VirtualCardFile card = VirtualCardFile.read(file);
        assertEquals(1, card.triesLeft());
        assertEquals("4321", card.pin());
        assertEquals("シケン\u3000タロウ", card.person().kana());
    }

    @Test
    void badArgumentsGiveUsageAndExitTwo() {
        String out = dir.resolve("x.json").toString();
        String[][] bad = {
                {},
                {"frobnicate"},
                {"new"},
                {"new", "--out", out, "--my-number", "123456789017"},
                {"new", "--out", out, "--birth", "19900230"},
                {"new", "--out", out, "--sex", "3"},
                {"new", "--out", out, "--pin", "12a4"},
                {"new", "--out", out, "--tries", "4"},
                {"new", "--out", out, "--name", " "},
                {"new", "--out", out, "--colour", "red"},
                {"new", "--out"},
                {"read", "--trust", "staging"},
                {"read", "--wait", "x"},
        };
        for (String[] args : bad) {
            assertEquals(2, run(args), String.join(" ", args));
            assertTrue(err().contains("usage: shomei card new"), err());
            assertFalse(Files.exists(Path.of(out)));
        }
        for (String[] help : new String[][] {{"help"}, {"new", "--help"}, {"read", "-h"}, {"vpcd", "--help"}}) {
            assertEquals(0, run(help), String.join(" ", help));
            assertTrue(out().contains("usage: shomei card new") && err().isEmpty(), out());
            assertFalse(Files.exists(Path.of(out)));
        }
        run("new", "--out", out, "--my-number", "123456789017");
        assertTrue(err().contains("check digit"), err());
        assertFalse(err().contains("123456789017"), "the refused number is not echoed");
    }

    @Test
    void readWalksEveryStepAndMasksTheNumber() {
        Path file = newCard();
        terminals.terminal("Reader A").insert(VirtualCardFile.open(file));
        assertEquals(0, run("read", "--pin", "4321"), out());
        String text = out();
        for (String step : new String[] {"OK  reader: Reader A", "OK  card: ATR 3BE000FF8131FE4514", "OK  input-assist AP",
                "OK  PIN tries left: 3", "OK  PIN: verified", "OK  EF 0001 (My Number): 17 bytes", "OK  EF 0002 (basic 4 info)",
                "OK  EF 0003 (hashes and signature): 336 bytes", "OK  EF 0004 (CV certificate): 568 bytes",
                "OK  signature: CV certificate under 9000033/001", "My Number: ****-****-9018", "APDUs sent: 10",
                "result: OK"}) {
            assertTrue(text.contains(step), step + " in\n" + text);
        }
        assertFalse(text.contains(NUMBER));
        assertFalse(text.contains("試験"), "4 info only with --show-data");

        assertEquals(0, run("read", "--pin", "4321", "--show-data"), out());
        assertTrue(out().contains("name: " + NAME), out());
        assertTrue(out().contains("birth date: 1985-04-01"), out());
        assertFalse(out().contains(NUMBER));
    }

    @Test
    void readAsksForThePinWhenNotGiven() {
        terminals.terminal("Reader A").insert(VirtualCardFile.open(newCard()));
        prompted = "4321".toCharArray();
        assertEquals(0, run("read"), out());
        assertEquals("\0\0\0\0", new String(prompted), "the prompted PIN is wiped");
        prompted = null;
        assertEquals(1, run("read"), out());
        assertTrue(out().contains("NG  PIN: no console to ask for the PIN; pass --pin"), out());
    }

    @Test
    void aWrongPinIsNgAndCostsATryInTheCardFile() {
        Path file = newCard();
        terminals.terminal("Reader A").insert(VirtualCardFile.open(file));
        assertEquals(1, run("read", "--pin", "0000"), out());
        assertTrue(out().contains("NG  PIN: PIN_INCORRECT: PIN incorrect, 2 tries left"), out());
        assertTrue(out().contains("result: NG at PIN"), out());
        assertEquals(2, VirtualCardFile.read(file).triesLeft());
    }

    @Test
    void aBlockedCardStopsBeforeThePin() {
        terminals.terminal("Reader A").insert(VirtualCardFile.open(newCard("--tries", "0")));
        assertEquals(1, run("read", "--pin", "4321"), out());
        assertTrue(out().contains("NG  PIN tries left: 0: the PIN is blocked"), out());
    }

    @Test
    void aTamperedNameFailsTheSignatureStep() throws Exception {
        Path file = newCard();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        String ef0002 = root.path("files").path("0002").asText();
        String nameHex = dev.shomei.card.apdu.Hex.of(NAME.getBytes(StandardCharsets.UTF_8));
        int at = ef0002.indexOf(nameHex) + 5; // low nibble of the name's first byte (E8 -> E9)
        String tampered = ef0002.substring(0, at) + (ef0002.charAt(at) == '8' ? '9' : '8') + ef0002.substring(at + 1);
        ((ObjectNode) root.path("files")).put("0002", tampered);
        Files.write(file, json.writeValueAsBytes(root));

        terminals.terminal("Reader A").insert(VirtualCardFile.open(file));
        assertEquals(1, run("read", "--pin", "4321", "--show-data"), out());
        assertTrue(out().contains("NG  signature: CARD_DATA_INVALID: BASIC_INFO_HASH_MISMATCH"), out());
        assertFalse(out().contains("name:"), "unverified data is never shown");
    }

    @Test
    void productionTrustRefusesADevCard() {
        terminals.terminal("Reader A").insert(VirtualCardFile.open(newCard()));
        assertEquals(1, run("read", "--pin", "4321", "--trust", "production"), out());
        assertTrue(out().contains("UNTRUSTED_ISSUER") && out().contains("(trust: production)"), out());
    }

    @Test
    void readerAndCardProblems() {
        assertEquals(1, run("read", "--pin", "4321", "--wait", "0"), out());
        assertTrue(out().contains("NG  card: no card in Reader A after 0 s"), out());

        terminals = VirtualTerminals.of("Reader A", "Reader B");
        assertEquals(1, run("read", "--pin", "4321"), out());
        assertTrue(out().contains("NG  reader: CARD_UNREADABLE: 2 readers and none configured, choose one of [Reader A, Reader B]"),
                out());
        assertEquals(1, run("read", "--reader", "Reader B", "--wait", "0"), out());
        assertTrue(out().contains("OK  reader: Reader B"), out());
    }
}
