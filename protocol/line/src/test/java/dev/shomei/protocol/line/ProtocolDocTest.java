package dev.shomei.protocol.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.line.codec.PayloadCodec;
import dev.shomei.protocol.line.codec.FrameFormat;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md and the codec agree: its generated blocks (field tables, frame hex, enum
 * values) are exactly what the codec produces now, and its hex decodes back to the examples.
 *
 * <p>After a deliberate change to the wire format, regenerate the blocks with
 * {@code mvn -o -q -pl protocol test -Dtest=ProtocolDocTest -Dshomei.doc.update=true}.
 */
class ProtocolDocTest {
    private static final String UPDATE = "shomei.doc.update";

    @Test
    void everyGeneratedBlockMatchesTheCodec() throws IOException {
        Path doc = docPath();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        if (Boolean.getBoolean(UPDATE)) {
            text = ProtocolDoc.regenerate(text);
            Files.writeString(doc, text, StandardCharsets.UTF_8);
        }
        Map<String, String> expected = ProtocolDoc.blocks();
        Map<String, String> actual = ProtocolDoc.blocksIn(text);
        assertEquals(expected.keySet(), actual.keySet(), "the generated blocks in " + doc);
        for (var block : expected.entrySet()) {
            assertEquals(block.getValue(), actual.get(block.getKey()), "block '" + block.getKey() + "' of " + doc
                    + " is stale; regenerate with -D" + UPDATE + "=true");
        }
    }

    @Test
    void theDocumentedHexIsTheCodecTestsKnownAnswerAndDecodesBack() throws IOException {
        Map<String, String> blocks = ProtocolDoc.blocksIn(Files.readString(docPath(), StandardCharsets.UTF_8));
        for (LineMessage example : LineFixtures.all().values()) {
            byte[] documented = ProtocolDoc.frameHexIn(blocks.get("example " + example.type()));
            assertArrayEquals(Hex.bytes(dev.shomei.protocol.line.codec.LineCodecTestFrames.of(example.type())),
                    documented, example.type() + ": doc hex differs from the codec test's known answer");
            byte[] payload = Arrays.copyOfRange(documented, FrameFormat.HEADER_LENGTH, documented.length);
            assertEquals(example, PayloadCodec.decode(example.type(), Unpooled.wrappedBuffer(payload)));
        }
    }

    @Test
    void theMessageTableListsEveryTypeWithItsCode() throws IOException {
        String text = Files.readString(docPath(), StandardCharsets.UTF_8);
        for (MessageType type : MessageType.values()) {
            String row = String.format("| `0x%02x` | `%s` |", type.code(), type.name());
            assertTrue(text.contains(row), "docs/protocol.md lacks the row " + row);
        }
    }

    /** The repository's docs/protocol.md (tests run in the module directory). */
    static Path docPath() {
        String root = System.getProperty("shomei.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/protocol.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new AssertionError("docs/protocol.md not found above " + base);
    }
}
