package dev.shomei.card.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.card.apdu.Hex;
import dev.shomei.card.data.CardDataException;
import dev.shomei.card.data.CardDataVerifier;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.myna.InputAssistAp;
import dev.shomei.card.testing.TestCards;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualCardFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesAndReadsTheCardFile() throws Exception {
        Path file = dir.resolve("card.json");
        VirtualCardFile written = TestCards.factory().personalise(TestCards.person(), TestCards.PIN, 3);
        written.write(file);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));

        JsonNode json = JSON.readTree(file.toFile());
        assertEquals(VirtualCardFile.FORMAT, json.path("format").asText());
        assertEquals(TestCards.MY_NUMBER, json.path("person").path("myNumber").asText());
        assertEquals("19900228", json.path("person").path("birthDate").asText());
        assertEquals("2", json.path("person").path("sex").asText());
        assertEquals(TestCards.PIN, json.path("pin").asText());
        assertEquals(3, json.path("triesLeft").asInt());
        assertTrue(json.path("files").path("0001").asText().startsWith("FF100C"));
        assertTrue(json.path("files").path("0004").asText().startsWith("7F21820233"));

        VirtualCardFile read = VirtualCardFile.read(file);
        assertEquals(TestCards.NAME, read.person().name());
        assertEquals(TestCards.MY_NUMBER, read.person().myNumber().reveal());
        assertArrayEquals(written.file(InputAssistAp.EF_BASIC_INFO), read.file(InputAssistAp.EF_BASIC_INFO));
        CardFiles files = new CardFiles(read.file(1), read.file(2), read.file(3), read.file(4));
        assertEquals(TestCards.NAME, new CardDataVerifier(TestCards.factory().trustedKeys()).verify(files).name());
    }

    @Test
    void theCounterIsWrittenBackIntoTheFileKeepingEverythingElse() throws Exception {
        Path file = dir.resolve("card.json");
        TestCards.factory().personalise(TestCards.person(), TestCards.PIN, 3).write(file);
        ObjectNode edited = (ObjectNode) JSON.readTree(file.toFile());
        edited.put("comment", "tester's note");
        Files.write(file, JSON.writeValueAsBytes(edited));

        VirtualCard card = VirtualCardFile.open(file);
        card.process(Hex.parse("00A4040C0AD3921000310001010408"));
        assertEquals("63C2", Hex.of(card.process(Hex.parse("002000910430303030"))));

        JsonNode after = JSON.readTree(file.toFile());
        assertEquals(2, after.path("triesLeft").asInt());
        assertEquals("tester's note", after.path("comment").asText());
        assertEquals(2, VirtualCardFile.open(file).triesLeft()); // survives "power off"
    }

    @Test
    void aTamperedFileIsServedAsIs() throws Exception {
        Path file = dir.resolve("card.json");
        TestCards.factory().personalise(TestCards.person(), TestCards.PIN, 3).write(file);
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        String ef0002 = json.path("files").path("0002").asText();
        String flipped = ef0002.substring(0, 40) + (ef0002.charAt(40) == '0' ? '1' : '0') + ef0002.substring(41);
        ((ObjectNode) json.path("files")).put("0002", flipped);
        Files.write(file, JSON.writeValueAsBytes(json));
        VirtualCardFile tampered = VirtualCardFile.read(file);
        assertEquals(flipped, Hex.of(tampered.file(InputAssistAp.EF_BASIC_INFO)));

        // byte 20 of EF 0002 is inside the name: the card file no longer verifies
        CardDataVerifier verifier = new CardDataVerifier(TestCards.factory().trustedKeys());
        CardDataException e = assertThrows(CardDataException.class, () -> verifier.verify(tampered.file(1), tampered.file(2),
                tampered.file(3), tampered.file(4)));
        assertEquals(ErrorCode.CARD_DATA_INVALID, e.code());
        assertEquals(CardDataException.Reason.BASIC_INFO_HASH_MISMATCH, e.reason());
    }

    @Test
    void badFilesGiveAClearErrorWithoutTheValue() throws Exception {
        assertInvalid("{}", "format");
        assertInvalid("not json", "not JSON");
        String good = new String(Files.readAllBytes(writeGood()));
        assertInvalid(good.replace("\"pin\" : \"4321\"", "\"pin\" : \"43a1\""), "pin");
        assertInvalid(good.replace("\"triesLeft\" : 3", "\"triesLeft\" : 7"), "triesLeft");
        assertInvalid(good.replaceFirst("\"0002\" : \"FF20", "\"0002\" : \"XF20"), "files.0002");
        assertInvalid(good.replaceFirst("\"0003\" :", "\"0009\" :"), "files.0003");
    }

    private Path writeGood() {
        Path file = dir.resolve("good.json");
        TestCards.factory().personalise(TestCards.person(), TestCards.PIN, 3).write(file);
        return file;
    }

    private void assertInvalid(String content, String expectedField) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);
        ShomeiException e = assertThrows(ShomeiException.class, () -> VirtualCardFile.read(file));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains(expectedField), e.getMessage());
        assertTrue(!e.getMessage().contains("43a1"), e.getMessage());
    }
}
