package dev.shomei.protocol.fuzz;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutated-valid input: a valid encoding with a few bytes flipped, overwritten, inserted, deleted,
 * duplicated or the tail cut off. Most of such inputs get past the first checks of a parser,
 * which purely random bytes rarely do. Shared by the fuzz tests of every module (protocol test-jar).
 */
public final class Mutations {
    private static final int EDIT_KINDS = 6;

    private Mutations() {
    }

    /** {@code valid} with 1..{@code maxEdits} random edits, reproducible from {@code seed}. */
    public static byte[] mutate(byte[] valid, long seed, int maxEdits) {
        Random random = new Random(seed);
        byte[] bytes = valid.clone();
        int edits = 1 + random.nextInt(Math.max(1, maxEdits));
        for (int i = 0; i < edits; i++) {
            bytes = edit(bytes, random);
        }
        return bytes;
    }

    /** Arbitrary mutations of the given valid encodings. */
    public static Arbitrary<byte[]> of(Arbitrary<byte[]> valid, int maxEdits) {
        return Combinators.combine(valid, Arbitraries.longs())
                .as((bytes, seed) -> mutate(bytes, seed, maxEdits));
    }

    /** The same, for text (edits on the UTF-8 bytes; malformed UTF-8 becomes U+FFFD). */
    public static String mutate(String valid, long seed, int maxEdits) {
        return new String(mutate(valid.getBytes(java.nio.charset.StandardCharsets.UTF_8), seed, maxEdits),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] edit(byte[] bytes, Random random) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        switch (random.nextInt(EDIT_KINDS)) {
            case 0 -> { // flip one bit
                if (bytes.length > 0) {
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            }
            case 1 -> { // overwrite with an interesting value
                if (bytes.length > 0) {
                    bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                }
                return bytes;
            }
            case 2 -> { // insert 1..8 random bytes
                byte[] insert = new byte[1 + random.nextInt(8)];
                random.nextBytes(insert);
                return splice(bytes, at, 0, insert);
            }
            case 3 -> { // delete 1..8 bytes
                return splice(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(8)), new byte[0]);
            }
            case 4 -> { // duplicate a short run (repeated fields, repeated lengths)
                int length = Math.min(bytes.length - at, 1 + random.nextInt(16));
                return splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, at + length));
            }
            default -> { // truncate
                return Arrays.copyOf(bytes, at);
            }
        }
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    /** Boundary values that break length fields and tags: 0, 0x7F/0x80 (BER), 0xFF, sign bits. */
    private static final byte[] INTERESTING = {0x00, 0x01, 0x7F, (byte) 0x80, (byte) 0x81, (byte) 0x82,
            (byte) 0x83, (byte) 0x84, (byte) 0xFE, (byte) 0xFF, 0x10, 0x20, 0x40};
}
