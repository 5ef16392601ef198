package dev.shomei.card.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.CardDataVerifier;
import dev.shomei.card.data.VerifiedCardData;
import dev.shomei.card.myna.CardRead;
import dev.shomei.card.myna.InputAssistApClient;
import dev.shomei.card.myna.PinIncorrectException;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.card.sim.VpcdClient;
import dev.shomei.protocol.testing.LogCapture;
import dev.shomei.card.testing.Pcscd;
import dev.shomei.card.testing.RecordingTransport;
import dev.shomei.card.testing.TestCards;
import dev.shomei.card.transport.PcscReader;
import dev.shomei.card.transport.PcscReaders;
import dev.shomei.card.transport.PcscTransport;
import dev.shomei.card.testing.NoSecrets;
import dev.shomei.card.transport.TracingTransport;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.pki.DevPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtual card behind the real pcscd: our vpcd client puts it into reader "Virtual PCD 00 00"
 * and javax.smartcardio (TerminalFactory.getDefault(), libpcsclite) reads it.
 */
class PcscdVpcdIT {
    private static final String READER = VpcdClient.DEFAULT_READER;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    private static Pcscd pcscd;
    private static PcscReaders readers;

    @BeforeAll
    static void startPcscd() throws Exception {
        Pcscd.requireOrSkip();
        pcscd = Pcscd.startOrReuse(Path.of("target", "pcscd-it.log"));
        readers = PcscReaders.system();
    }

    @AfterAll
    static void stopPcscd() throws Exception {
        if (pcscd != null) {
            pcscd.close();
        }
    }

    private static Path cardFile(String name, int tries) {
        Path file = dir.resolve(name);
        TestCards.factory().personalise(TestCards.person(), TestCards.PIN, tries).write(file);
        return file;
    }

    private static PcscReader reader() {
        return readers.choose(READER);
    }

    @Test
    void pcscdListsBothVirtualReadersAndRefusesToGuess() {
        assertTrue(readers.names().containsAll(java.util.List.of("Virtual PCD 00 00", "Virtual PCD 00 01")), readers.names().toString());
        ShomeiException e = assertThrows(ShomeiException.class, () -> readers.choose(null));
        assertTrue(e.getMessage().contains("Virtual PCD 00 00") && e.getMessage().contains("Virtual PCD 00 01"), e.getMessage());
        assertFalse(reader().isCardPresent(), "no card before the vpcd client connects");
    }

    @Test
    void readsAndVerifiesTheCardThroughPcscdLeavingNoSecretInTheTrace() throws Exception {
        Path file = cardFile("read.json", 3);
        try (LogCapture logs = new LogCapture();
             VpcdClient card = VpcdClient.connect(VirtualCardFile.open(file), "127.0.0.1", VpcdClient.DEFAULT_PORT, WAIT)) {
            assertTrue(reader().waitForCardPresent(WAIT));
            try (PcscTransport pcsc = reader().connect();
                 RecordingTransport transport = new RecordingTransport(new TracingTransport(pcsc))) {
                assertEquals("3BE000FF8131FE4514", dev.shomei.card.apdu.Hex.of(pcsc.atr()));
                InputAssistApClient ap = InputAssistApClient.select(transport);
                assertEquals(3, ap.triesLeft());
                ap.verifyPin(TestCards.PIN.toCharArray());
                try (CardRead read = ap.read()) {
                    VerifiedCardData data = new CardDataVerifier(TestCards.factory().trustedKeys()).verify(read.files());
                    assertEquals(TestCards.MY_NUMBER, data.myNumber().reveal());
                    assertEquals(TestCards.NAME, data.name());
                    assertEquals(TestCards.ADDRESS, data.address());
                }
                assertEquals(10, transport.commands().size(), "a full read is 10 APDUs");
            }
            NoSecrets.assertNone(logs.all());
            assertTrue(logs.all().contains(">> 00200091 [4 bytes masked]"));
        }
        assertTrue(reader().waitForCardAbsent(WAIT), "closing the vpcd client removes the card");
    }

    @Test
    void threeWrongPinsBlockTheCardFileAndNoFourthVerifyIsSent() throws Exception {
        Path file = cardFile("block.json", 3);
        try (VpcdClient card = VpcdClient.connect(VirtualCardFile.open(file), "127.0.0.1", VpcdClient.DEFAULT_PORT, WAIT)) {
            assertTrue(reader().waitForCardPresent(WAIT));
            try (RecordingTransport transport = new RecordingTransport(reader().connect())) {
                InputAssistApClient ap = InputAssistApClient.select(transport);
                assertEquals(2, assertThrows(PinIncorrectException.class, () -> ap.verifyPin("0000".toCharArray())).triesLeft());
                assertEquals(1, assertThrows(PinIncorrectException.class, () -> ap.verifyPin("0001".toCharArray())).triesLeft());
                assertEquals(ErrorCode.PIN_BLOCKED,
                        assertThrows(ShomeiException.class, () -> ap.verifyPin("0002".toCharArray())).code());
                assertEquals(ErrorCode.PIN_BLOCKED,
                        assertThrows(ShomeiException.class, () -> ap.verifyPin(TestCards.PIN.toCharArray())).code());
                assertEquals(3, transport.verifiesWithPin());
            }
        }
        assertEquals(0, VirtualCardFile.read(file).triesLeft(), "the counter persisted into the card file");
        assertTrue(reader().waitForCardAbsent(WAIT));

        // the card goes back in: still blocked, and the kiosk sends no VERIFY with a PIN
        try (VpcdClient card = VpcdClient.connect(VirtualCardFile.open(file), "127.0.0.1", VpcdClient.DEFAULT_PORT, WAIT)) {
            assertTrue(reader().waitForCardPresent(WAIT));
            try (RecordingTransport transport = new RecordingTransport(reader().connect())) {
                InputAssistApClient ap = InputAssistApClient.select(transport);
                assertEquals(0, ap.triesLeft());
                assertThrows(ShomeiException.class, () -> ap.verifyPin(TestCards.PIN.toCharArray()));
                assertEquals(0, transport.verifiesWithPin());
            }
        }
        assertTrue(reader().waitForCardAbsent(WAIT));
    }

    @Test
    void aCardYankedMidReadIsCardRemoved() throws Exception {
        Path file = cardFile("yank.json", 3);
        VpcdClient card = VpcdClient.connect(VirtualCardFile.open(file), "127.0.0.1", VpcdClient.DEFAULT_PORT, WAIT);
        assertTrue(reader().waitForCardPresent(WAIT));
        try (PcscTransport transport = reader().connect()) {
            InputAssistApClient ap = InputAssistApClient.select(transport);
            ap.verifyPin(TestCards.PIN.toCharArray());
            card.close();
            assertTrue(reader().waitForCardAbsent(WAIT));
            ShomeiException e = assertThrows(ShomeiException.class, ap::readFiles);
            assertEquals(ErrorCode.CARD_REMOVED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("SCARD_"), e.getMessage());
        }
        assertEquals(3, VirtualCardFile.read(file).triesLeft());
    }

    @Test
    void theCliWritesACardServesItToVpcdAndReadsItBackThroughPcscd() throws Exception {
        DevPki pki = DevPki.ensure(dir.resolve("pki"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CardCli cli = new CardCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                () -> readers, pki::jlisDevKey, prompt -> null, new SplittableRandom(3));
        Path file = dir.resolve("cli.json");
        assertEquals(0, cli.run(new String[] {"new", "--out", file.toString(), "--pin", "2580"}), out.toString(StandardCharsets.UTF_8));

        int[] vpcdExit = {-1};
        Thread vpcd = Thread.ofPlatform().start(() -> vpcdExit[0] = cli.run(new String[] {"vpcd", "--card", file.toString()}));
        try {
            assertTrue(reader().waitForCardPresent(WAIT));
            out.reset();
            int code = cli.run(new String[] {"read", "--reader", READER, "--pin", "2580", "--trust", "dev"});
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, text);
            assertTrue(text.contains("OK  reader: Virtual PCD 00 00"), text);
            assertTrue(text.contains("OK  signature: CV certificate under 9000033/001"), text);
            assertTrue(text.contains("APDUs sent: 10"), text);
            assertTrue(text.contains("result: OK"), text);
        } finally {
            vpcd.interrupt();
            vpcd.join(10_000);
        }
        assertEquals(0, vpcdExit[0]);
        assertTrue(reader().waitForCardAbsent(WAIT));
    }
}
