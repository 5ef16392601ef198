package dev.shomei.protocol.line;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.codec.FrameFormat;
import dev.shomei.protocol.line.codec.PayloadCodec;
import dev.shomei.protocol.line.codec.PayloadWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated parts of {@code docs/protocol.md}: one block per example message (field table and
 * frame hex, produced by the codec itself) and the tables of enum wire values. Each block sits
 * between {@code <!-- BEGIN GENERATED name -->} and {@code <!-- END GENERATED name -->}.
 */
final class ProtocolDoc {
    static final Pattern BLOCK = Pattern.compile(
            "<!-- BEGIN GENERATED ([^>]+?) -->\\n(.*?)<!-- END GENERATED \\1 -->", Pattern.DOTALL);
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private ProtocolDoc() {
    }

    /** Every generated block by name, in document order. */
    static Map<String, String> blocks() {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("enums", enumTables());
        for (LineMessage message : LineFixtures.all().values()) {
            blocks.put("example " + message.type(), example(message));
        }
        return blocks;
    }

    /** {@code doc} with every generated block replaced by its current content. */
    static String regenerate(String doc) {
        Map<String, String> blocks = blocks();
        Matcher m = BLOCK.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String content = blocks.getOrDefault(m.group(1), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "<!-- BEGIN GENERATED " + m.group(1) + " -->\n" + content + "<!-- END GENERATED " + m.group(1) + " -->"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The blocks as they stand in {@code doc}. */
    static Map<String, String> blocksIn(String doc) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    /** The frame bytes of an example: the hex inside its ```hex fence. */
    static byte[] frameHexIn(String block) {
        Matcher m = Pattern.compile("```hex\\n(.*?)```", Pattern.DOTALL).matcher(block);
        if (!m.find()) {
            throw new AssertionError("no hex fence in block");
        }
        return Hex.bytes(m.group(1));
    }

    static byte[] frame(LineMessage message) {
        ByteBuf payload = Unpooled.buffer();
        PayloadCodec.encode(message, new PayloadWriter(payload));
        ByteBuf frame = Unpooled.buffer();
        frame.writeByte(FrameFormat.MAGIC_0).writeByte(FrameFormat.MAGIC_1).writeByte(FrameFormat.VERSION)
                .writeByte(message.type().code()).writeInt(payload.readableBytes()).writeBytes(payload);
        return ByteBufUtil.getBytes(frame);
    }

    private static String example(LineMessage message) {
        record Field(String name, String encoding, byte[] bytes, int offset) {
        }
        ByteBuf payload = Unpooled.buffer();
        List<Field> fields = new ArrayList<>();
        PayloadCodec.encode(message, new PayloadWriter(payload, (name, encoding, start, end) ->
                fields.add(new Field(name, encoding, ByteBufUtil.getBytes(payload, start, end - start), start))));
        byte[] frame = frame(message);
        int length = payload.readableBytes();

        StringBuilder b = new StringBuilder();
        b.append("| offset | field | encoding | bytes | value |\n|---:|---|---|---|---|\n");
        row(b, 0, "magic", "2 bytes", new byte[] {FrameFormat.MAGIC_0, FrameFormat.MAGIC_1}, "\"SH\"");
        row(b, 2, "version", "u8", new byte[] {FrameFormat.VERSION}, String.valueOf(FrameFormat.VERSION));
        row(b, 3, "type", "u8", new byte[] {(byte) message.type().code()}, message.type().name());
        row(b, 4, "length", "u32", new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length}, String.valueOf(length));
        for (Field f : fields) {
            row(b, FrameFormat.HEADER_LENGTH + f.offset(), "`" + f.name() + "`", f.encoding(), f.bytes(),
                    meaning(f.encoding(), f.bytes()));
        }
        b.append("\n```hex\n");
        for (int i = 0; i < frame.length; i += 16) {
            b.append(HEX.formatHex(frame, i, Math.min(frame.length, i + 16))).append('\n');
        }
        b.append("```\n");
        return b.toString();
    }

    private static void row(StringBuilder b, int offset, String field, String encoding, byte[] bytes, String value) {
        b.append("| ").append(offset).append(" | ").append(field).append(" | `").append(readable(encoding))
                .append("` | `").append(HEX.formatHex(bytes)).append("` | ").append(value).append(" |\n");
    }

    /** {@code bytes<=7340032} -> {@code bytes≤7 MiB}. */
    private static String readable(String encoding) {
        Matcher m = Pattern.compile("<=(\\d+)").matcher(encoding);
        if (!m.find()) {
            return encoding;
        }
        long max = Long.parseLong(m.group(1));
        String size = max >= 1024 * 1024 && max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MiB"
                : max >= 1024 && max % 1024 == 0 ? max / 1024 + " KiB"
                : String.valueOf(max);
        return encoding.substring(0, m.start()) + "≤" + size;
    }

    /** What the bytes of a field say, for the reader of the doc. */
    private static String meaning(String encoding, byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        if (encoding.startsWith("str")) {
            int n = in.readUnsignedShort();
            return n == 0 ? "(empty)" : "\"" + in.readCharSequence(n, StandardCharsets.UTF_8) + "\"";
        }
        if (encoding.startsWith("bytes")) {
            return in.readInt() + " bytes";
        }
        if (encoding.startsWith("list")) {
            return "count " + in.readUnsignedShort();
        }
        return switch (encoding) {
            case "u8" -> String.valueOf(in.readUnsignedByte());
            case "u16" -> String.valueOf(in.readUnsignedShort());
            case "u32" -> String.valueOf(in.readUnsignedInt());
            case "i64" -> String.valueOf(in.readLong());
            case "date" -> String.format("%04d-%02d-%02d", in.readUnsignedShort(), in.readUnsignedByte(),
                    in.readUnsignedByte());
            case "time" -> {
                int minutes = in.readUnsignedShort();
                yield String.format("%02d:%02d", minutes / 60, minutes % 60);
            }
            default -> "";
        };
    }

    private static String enumTables() {
        StringBuilder b = new StringBuilder();
        enumTable(b, "`TerminalState` (Heartbeat.state)", enumRows(TerminalState.values(), TerminalState::wireValue));
        enumTable(b, "`DeviceStatus` (Heartbeat.reader / printer / cashUnit)",
                enumRows(DeviceStatus.values(), DeviceStatus::wireValue));
        Map<String, Integer> types = new LinkedHashMap<>();
        for (CertificateType type : CertificateType.values()) {
            types.put(type.name() + " (mask bit " + (type.wireValue() - 1) + ")", type.wireValue());
        }
        enumTable(b, "`CertificateType` (IssueRequest.certificateType; MunicipalityInfo.certificateTypes is a "
                + "bit mask, bit = value - 1)", types);
        enumTable(b, "`Language` (IssueRequest.language)", enumRows(Language.values(), PayloadCodec::languageWire));
        enumTable(b, "`PrintResult` (PrintOutcome.result)", enumRows(PrintResult.values(), PrintResult::wireValue));
        enumTable(b, "`VoidReason` (PrintOutcome.reason)", enumRows(VoidReason.values(), VoidReason::wireValue));
        b.append("`ErrorCode` (Refusal.code, u16)\n\n| value | name | message (en) |\n|---:|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            b.append("| ").append(code.wireValue()).append(" | `").append(code.name()).append("` | ")
                    .append(code.messageEn()).append(" |\n");
        }
        b.append('\n');
        return b.toString();
    }

    private static <E extends Enum<E>> Map<String, Integer> enumRows(E[] values,
            java.util.function.ToIntFunction<E> wire) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (E value : values) {
            rows.put(value.name(), wire.applyAsInt(value));
        }
        return rows;
    }

    private static void enumTable(StringBuilder b, String title, Map<String, Integer> rows) {
        b.append(title).append("\n\n| value | name |\n|---:|---|\n");
        rows.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> b.append("| ").append(e.getValue()).append(" | `").append(e.getKey()).append("` |\n"));
        b.append('\n');
    }
}
