package dev.shomei.printing.printer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary IPP/1.1 encoding (RFC 8010) of the few requests shomei sends and the responses it
 * reads. A request is the header, attribute groups, end-of-attributes, then the document data.
 *
 * <pre>
 * 01 01 | 00 02 (Print-Job) | 00 00 00 01 (request id)
 * 01 (operation attributes)
 *   47 00 12 "attributes-charset" 00 05 "utf-8"
 *   ...
 * 03 (end of attributes) | %PDF-...
 * </pre>
 */
final class IppMessage {
    static final int PRINT_JOB = 0x0002;
    static final int GET_JOB_ATTRIBUTES = 0x0009;

    static final int TAG_OPERATION = 0x01;
    static final int TAG_JOB = 0x02;
    static final int TAG_END = 0x03;
    static final int TAG_PRINTER = 0x04;
    static final int TAG_UNSUPPORTED = 0x05;

    static final int VALUE_INTEGER = 0x21;
    static final int VALUE_BOOLEAN = 0x22;
    static final int VALUE_ENUM = 0x23;
    static final int VALUE_TEXT = 0x41;
    static final int VALUE_NAME = 0x42;
    static final int VALUE_KEYWORD = 0x44;
    static final int VALUE_URI = 0x45;
    static final int VALUE_CHARSET = 0x47;
    static final int VALUE_LANGUAGE = 0x48;
    static final int VALUE_MIME_TYPE = 0x49;

    private IppMessage() {
    }

    /** Builds a request: call the attribute methods in group order, then {@link #toBytes(byte[])}. */
    static final class Request {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        Request(int operation, int requestId) {
            out.write(1);
            out.write(1);
            writeShort(operation);
            writeInt(requestId);
            group(TAG_OPERATION);
            string(VALUE_CHARSET, "attributes-charset", "utf-8");
            string(VALUE_LANGUAGE, "attributes-natural-language", "en");
        }

        Request group(int tag) {
            out.write(tag);
            return this;
        }

        Request string(int valueTag, String name, String value) {
            return value(valueTag, name, value.getBytes(StandardCharsets.UTF_8));
        }

        /** A further value of the attribute just written (an empty name). */
        Request additional(int valueTag, String value) {
            return value(valueTag, "", value.getBytes(StandardCharsets.UTF_8));
        }

        Request integer(int valueTag, String name, int value) {
            return value(valueTag, name, ByteBuffer.allocate(4).putInt(value).array());
        }

        private Request value(int valueTag, String name, byte[] value) {
            byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
            out.write(valueTag);
            writeShort(nameBytes.length);
            out.writeBytes(nameBytes);
            writeShort(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] toBytes(byte[] document) {
            ByteArrayOutputStream message = new ByteArrayOutputStream(out.size() + 1 + (document == null ? 0 : document.length));
            message.writeBytes(out.toByteArray());
            message.write(TAG_END);
            if (document != null) {
                message.writeBytes(document);
            }
            return message.toByteArray();
        }

        private void writeShort(int value) {
            out.write(value >>> 8);
            out.write(value);
        }

        private void writeInt(int value) {
            writeShort(value >>> 16);
            writeShort(value & 0xffff);
        }
    }

    /** A parsed response: status code and attributes by group tag and name (strings or integers). */
    record Response(int status, int requestId, Map<Integer, Map<String, List<Object>>> groups) {
        boolean successful() {
            return status >= 0 && status <= 0xff;
        }

        Object first(int group, String name) {
            List<Object> values = groups.getOrDefault(group, Map.of()).get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<Object> all(int group, String name) {
            return groups.getOrDefault(group, Map.of()).getOrDefault(name, List.of());
        }
    }

    static Response parse(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            in.getShort(); // version
            int status = in.getShort() & 0xffff;
            int requestId = in.getInt();
            Map<Integer, Map<String, List<Object>>> groups = new LinkedHashMap<>();
            Map<String, List<Object>> current = null;
            String lastName = null;
            while (in.hasRemaining()) {
                int tag = in.get() & 0xff;
                if (tag == TAG_END) {
                    break;
                }
                if (tag < 0x10) {
                    current = groups.computeIfAbsent(tag, key -> new LinkedHashMap<>());
                    continue;
                }
                if (current == null) {
                    throw new IllegalArgumentException("IPP value outside an attribute group");
                }
                byte[] name = new byte[in.getShort() & 0xffff];
                in.get(name);
                byte[] value = new byte[in.getShort() & 0xffff];
                in.get(value);
                String attribute = name.length == 0 ? lastName : new String(name, StandardCharsets.US_ASCII);
                if (attribute == null) {
                    throw new IllegalArgumentException("IPP additional value without an attribute");
                }
                lastName = attribute;
                Object decoded = switch (tag) {
                    case VALUE_INTEGER, VALUE_ENUM -> value.length == 4 ? ByteBuffer.wrap(value).getInt() : 0;
                    case VALUE_BOOLEAN -> value.length == 1 && value[0] != 0;
                    default -> new String(value, StandardCharsets.UTF_8);
                };
                current.computeIfAbsent(attribute, key -> new ArrayList<>()).add(decoded);
            }
            return new Response(status, requestId, groups);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated IPP response", e);
        }
    }
}
