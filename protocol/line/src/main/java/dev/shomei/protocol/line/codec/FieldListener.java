package dev.shomei.protocol.line.codec;

/**
 * Told about every field a {@link PayloadWriter} writes. Used to generate the field tables and
 * annotated hex of {@code docs/protocol.md} from the codec itself, so the doc cannot drift.
 */
@FunctionalInterface
public interface FieldListener {
    FieldListener NONE = (name, encoding, start, end) -> { };

    /**
     * @param name     the field's name, e.g. {@code municipalities[0].code}
     * @param encoding how it is encoded, e.g. {@code u16}, {@code str<=64}
     * @param start    its first byte's offset in the payload
     * @param end      the offset after its last byte
     */
    void field(String name, String encoding, int start, int end);
}
