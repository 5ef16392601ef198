package dev.shomei.printing.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.util.List;

/**
 * Encodes explicit segments into a QR symbol (ISO/IEC 18004): the smallest version in the allowed
 * range, terminator and pad codewords, Reed-Solomon blocks interleaved, function patterns, format
 * and version information, data placement, and the mask with the lowest penalty (ties to the lower
 * mask number, as ZXing does). Stateless and thread-safe.
 *
 * <p>Why not ZXing's {@code Encoder}: it picks one mode for the whole symbol, and a SMART Health Card
 * must be a byte segment {@code shc:/} followed by a numeric segment; and it is slower where a
 * certificate spends its render time: {@code QrEncodeBench.smartHealthCard} 555 µs here against
 * about 1.3 ms with ZXing, 90 % of that its mask choice (docs/benchmarks.md). {@code QrEncoderTest}
 * keeps every symbol bit-identical to ZXing's.
 */
public final class QrEncoder {
    private static final int PENALTY_N1 = 3;
    private static final int PENALTY_N2 = 3;
    private static final int PENALTY_N3 = 40;
    private static final int PENALTY_N4 = 10;

    private QrEncoder() {
    }

    /**
     * @throws QrCapacityException when the segments do not fit {@code maxVersion}
     */
    public static QrCode encode(List<QrSegment> segments, ErrorCorrectionLevel level, int maxVersion) {
        return encode(segments, level, maxVersion, -1);
    }

    /** As {@link #encode(List, ErrorCorrectionLevel, int)} with a forced mask (0-7), or -1 to choose. */
    static QrCode encode(List<QrSegment> segments, ErrorCorrectionLevel level, int maxVersion, int forcedMask) {
        if (maxVersion < 1 || maxVersion > 40) {
            throw new IllegalArgumentException("QR versions are 1-40");
        }
        Version version = null;
        int usedBits = -1;
        for (int number = 1; number <= maxVersion; number++) {
            Version candidate = Version.getVersionForNumber(number);
            int bits = bitLength(segments, candidate);
            if (bits >= 0 && bits <= dataCodewords(candidate, level) * 8) {
                version = candidate;
                usedBits = bits;
                break;
            }
            usedBits = bits;
        }
        if (version == null) {
            throw new QrCapacityException(usedBits, maxVersion, level.name());
        }
        byte[] codewords = interleave(dataCodewords(segments, version, level), version, level);

        int size = version.getDimensionForVersion();
        boolean[][] function = new boolean[size][size];
        boolean[][] base = new boolean[size][size];
        drawFunctionPatterns(base, function, version);
        placeData(base, function, codewords);

        int bestMask = forcedMask;
        if (bestMask < 0) {
            // every mask tried on bit-packed rows: data modules XOR the mask pattern, then the format bits
            long[][] packed = pack(base);
            long[][] free = pack(function);
            for (long[] row : free) {
                for (int w = 0; w < row.length; w++) {
                    row[w] = ~row[w];
                }
            }
            long[][][] patterns = maskPatterns(size);
            long[][] trial = new long[size][packed[0].length];
            int bestPenalty = Integer.MAX_VALUE;
            for (int mask = 0; mask < 8; mask++) {
                long[][] pattern = patterns[mask];
                for (int y = 0; y < size; y++) {
                    for (int w = 0; w < trial[y].length; w++) {
                        trial[y][w] = packed[y][w] ^ (pattern[y][w] & free[y][w]);
                    }
                }
                formatBits(size, level, mask, (x, y, dark) -> {
                    if (dark) {
                        trial[y][x >>> 6] |= 1L << x;
                    } else {
                        trial[y][x >>> 6] &= ~(1L << x);
                    }
                });
                int penalty = penalty(trial, size);
                if (penalty < bestPenalty) {
                    bestPenalty = penalty;
                    bestMask = mask;
                }
            }
        }
        applyMask(base, function, bestMask);
        drawFormatBits(base, level, bestMask);
        return new QrCode(base, version.getVersionNumber(), level, bestMask);
    }

    private static int bitLength(List<QrSegment> segments, Version version) {
        int bits = 0;
        for (QrSegment segment : segments) {
            int length = segment.bitLength(version);
            if (length < 0) {
                return -1;
            }
            bits += length;
        }
        return bits;
    }

    static int dataCodewords(Version version, ErrorCorrectionLevel level) {
        Version.ECBlocks blocks = version.getECBlocksForLevel(level);
        return version.getTotalCodewords() - blocks.getTotalECCodewords();
    }

    /** Segments, terminator, zero bits to a byte boundary, then pad bytes 0xEC 0x11 alternately. */
    private static byte[] dataCodewords(List<QrSegment> segments, Version version, ErrorCorrectionLevel level) {
        int capacity = dataCodewords(version, level) * 8;
        BitBuffer bits = new BitBuffer();
        for (QrSegment segment : segments) {
            segment.appendTo(bits, version);
        }
        bits.append(0, Math.min(4, capacity - bits.size()));
        bits.append(0, (8 - bits.size() % 8) % 8);
        for (int pad = 0xEC; bits.size() < capacity; pad ^= 0xEC ^ 0x11) {
            bits.append(pad, 8);
        }
        return bits.toBytes();
    }

    /** Splits the data into blocks, adds each block's error correction, and interleaves them. */
    private static byte[] interleave(byte[] data, Version version, ErrorCorrectionLevel level) {
        Version.ECBlocks ecBlocks = version.getECBlocksForLevel(level);
        int ecPerBlock = ecBlocks.getECCodewordsPerBlock();
        int blockCount = ecBlocks.getNumBlocks();
        int[] blockStart = new int[blockCount];
        int[] blockLength = new int[blockCount];
        int[][] ecCodewords = new int[blockCount][];
        int block = 0;
        int offset = 0;
        for (Version.ECB group : ecBlocks.getECBlocks()) {
            for (int i = 0; i < group.getCount(); i++, block++) {
                int length = group.getDataCodewords();
                blockStart[block] = offset;
                blockLength[block] = length;
                ecCodewords[block] = QrReedSolomon.errorCorrection(data, offset, length, ecPerBlock);
                offset += length;
            }
        }
        byte[] result = new byte[version.getTotalCodewords()];
        int position = 0;
        int longest = blockLength[blockCount - 1]; // later blocks are the longer ones
        for (int i = 0; i < longest; i++) {
            for (int b = 0; b < blockCount; b++) {
                if (i < blockLength[b]) {
                    result[position++] = data[blockStart[b] + i];
                }
            }
        }
        for (int i = 0; i < ecPerBlock; i++) {
            for (int[] ec : ecCodewords) {
                result[position++] = (byte) ec[i];
            }
        }
        return result;
    }

    private static void drawFunctionPatterns(boolean[][] modules, boolean[][] function, Version version) {
        int size = modules.length;
        for (int i = 0; i < size; i++) {
            set(modules, function, 6, i, i % 2 == 0);
            set(modules, function, i, 6, i % 2 == 0);
        }
        drawFinder(modules, function, 3, 3);
        drawFinder(modules, function, size - 4, 3);
        drawFinder(modules, function, 3, size - 4);
        int[] centers = version.getAlignmentPatternCenters();
        int last = centers.length - 1;
        for (int i = 0; i < centers.length; i++) {
            for (int j = 0; j < centers.length; j++) {
                boolean overlapsFinder = i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0;
                if (!overlapsFinder) {
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            set(modules, function, centers[i] + dx, centers[j] + dy,
                                    Math.max(Math.abs(dx), Math.abs(dy)) != 1);
                        }
                    }
                }
            }
        }
        // reserve the format areas (drawn per mask) and the always-dark module
        drawFormatBits(modules, function, ErrorCorrectionLevel.L, 0);
        int number = version.getVersionNumber();
        if (number >= 7) {
            int remainder = number;
            for (int i = 0; i < 12; i++) {
                remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1F25);
            }
            long bits = (long) number << 12 | remainder;
            for (int i = 0; i < 18; i++) {
                boolean bit = ((bits >>> i) & 1) != 0;
                int a = size - 11 + i % 3;
                int b = i / 3;
                set(modules, function, a, b, bit);
                set(modules, function, b, a, bit);
            }
        }
    }

    private static void drawFinder(boolean[][] modules, boolean[][] function, int cx, int cy) {
        int size = modules.length;
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int x = cx + dx;
                int y = cy + dy;
                if (x >= 0 && x < size && y >= 0 && y < size) {
                    int distance = Math.max(Math.abs(dx), Math.abs(dy));
                    set(modules, function, x, y, distance != 2 && distance != 4);
                }
            }
        }
    }

    private static void drawFormatBits(boolean[][] modules, ErrorCorrectionLevel level, int mask) {
        drawFormatBits(modules, null, level, mask);
    }

    private static void drawFormatBits(boolean[][] modules, boolean[][] function, ErrorCorrectionLevel level,
                                       int mask) {
        formatBits(modules.length, level, mask, (x, y, dark) -> set(modules, function, x, y, dark));
    }

    /** Where a module goes: a boolean matrix or packed rows. */
    private interface ModuleSink {
        void set(int x, int y, boolean dark);
    }

    /** The 15-bit format information (level, mask, BCH code, XOR 0x5412), both copies. */
    private static void formatBits(int size, ErrorCorrectionLevel level, int mask, ModuleSink sink) {
        int data = level.getBits() << 3 | mask;
        int remainder = data;
        for (int i = 0; i < 10; i++) {
            remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
        }
        int bits = (data << 10 | remainder) ^ 0x5412;
        for (int i = 0; i <= 5; i++) {
            sink.set(8, i, bit(bits, i));
        }
        sink.set(8, 7, bit(bits, 6));
        sink.set(8, 8, bit(bits, 7));
        sink.set(7, 8, bit(bits, 8));
        for (int i = 9; i < 15; i++) {
            sink.set(14 - i, 8, bit(bits, i));
        }
        for (int i = 0; i < 8; i++) {
            sink.set(size - 1 - i, 8, bit(bits, i));
        }
        for (int i = 8; i < 15; i++) {
            sink.set(8, size - 15 + i, bit(bits, i));
        }
        sink.set(8, size - 8, true);
    }

    /** Rows packed 64 modules to a {@code long}, module x of a row at bit x. */
    private static long[][] pack(boolean[][] m) {
        int size = m.length;
        long[][] rows = new long[size][(size + 63) >>> 6];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (m[y][x]) {
                    rows[y][x >>> 6] |= 1L << x;
                }
            }
        }
        return rows;
    }

    private static final java.util.concurrent.ConcurrentHashMap<Integer, long[][][]> MASK_PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The eight mask patterns of a symbol size, packed; computed once per size. */
    private static long[][][] maskPatterns(int size) {
        return MASK_PATTERNS.computeIfAbsent(size, n -> {
            long[][][] patterns = new long[8][n][(n + 63) >>> 6];
            for (int mask = 0; mask < 8; mask++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        if (maskBit(mask, x, y)) {
                            patterns[mask][y][x >>> 6] |= 1L << x;
                        }
                    }
                }
            }
            return patterns;
        });
    }

    /** Codeword bits in the zig-zag order of the standard: two-module columns from the right, skipping column 6. */
    private static void placeData(boolean[][] modules, boolean[][] function, byte[] codewords) {
        int size = modules.length;
        int bitCount = codewords.length * 8;
        int index = 0;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5;
            }
            boolean upward = ((right + 1) & 2) == 0;
            for (int vertical = 0; vertical < size; vertical++) {
                int y = upward ? size - 1 - vertical : vertical;
                for (int j = 0; j < 2; j++) {
                    int x = right - j;
                    if (!function[y][x] && index < bitCount) {
                        modules[y][x] = ((codewords[index >>> 3] >>> (7 - (index & 7))) & 1) != 0;
                        index++;
                    }
                    // modules left over after the last codeword are remainder bits: light before masking
                }
            }
        }
    }

    private static void applyMask(boolean[][] modules, boolean[][] function, int mask) {
        int size = modules.length;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!function[y][x] && maskBit(mask, x, y)) {
                    modules[y][x] = !modules[y][x];
                }
            }
        }
    }

    private static boolean maskBit(int mask, int x, int y) {
        return switch (mask) {
            case 0 -> (x + y) % 2 == 0;
            case 1 -> y % 2 == 0;
            case 2 -> x % 3 == 0;
            case 3 -> (x + y) % 3 == 0;
            case 4 -> (x / 3 + y / 2) % 2 == 0;
            case 5 -> x * y % 2 + x * y % 3 == 0;
            case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
            case 7 -> ((x + y) % 2 + x * y % 3) % 2 == 0;
            default -> throw new IllegalArgumentException("mask must be 0-7");
        };
    }

    /**
     * The four penalty rules of ISO/IEC 18004 section 7.8.3, computed as ZXing's MaskUtil does, on
     * rows and columns packed 64 modules to a {@code long}: a rule becomes a few shifts, ANDs and
     * bit counts per line instead of a loop over its modules (mask selection evaluates this eight
     * times per symbol and was most of the encoder's time). The tests compare it with the
     * module-by-module form (PenaltyReference) on random matrices of every symbol size.
     */
    static int penalty(boolean[][] m) {
        return penalty(pack(m), m.length);
    }

    private static int penalty(long[][] rows, int size) {
        int words = (size + 63) >>> 6;
        long[][] columns = new long[size][words];
        for (int y = 0; y < size; y++) {
            int yWord = y >>> 6;
            long yBit = 1L << y;
            for (int w = 0; w < words; w++) {
                long bits = rows[y][w];
                while (bits != 0) {
                    int x = (w << 6) + Long.numberOfTrailingZeros(bits);
                    columns[x][yWord] |= yBit;
                    bits &= bits - 1;
                }
            }
        }
        Lines lines = new Lines(size);
        int penalty = 0;
        int dark = 0;
        for (int i = 0; i < size; i++) {
            penalty += lines.runsAndFinders(rows[i]) + lines.runsAndFinders(columns[i]);
            dark += Lines.count(rows[i]);
        }
        penalty += PENALTY_N2 * lines.blocks(rows);
        int total = size * size;
        return penalty + Math.abs(dark * 2 - total) * 10 / total * PENALTY_N4;
    }

    /** Rules 1-3 on packed lines of one length; scratch arrays reused from line to line. */
    private static final class Lines {
        private final int size;
        private final int words;
        private final long[] valid;
        private final long[] a;
        private final long[] b;
        private final long[] c;
        private final long[] d;
        private final long[] e;
        private final long[] f;

        Lines(int size) {
            this.size = size;
            this.words = (size + 63) >>> 6;
            this.valid = range(0, size);
            this.a = new long[words];
            this.b = new long[words];
            this.c = new long[words];
            this.d = new long[words];
            this.e = new long[words];
            this.f = new long[words];
        }

        /** Bits {@code from..to-1} set. */
        private long[] range(int from, int to) {
            long[] bits = new long[words];
            for (int i = Math.max(0, from); i < Math.min(to, size); i++) {
                bits[i >>> 6] |= 1L << i;
            }
            return bits;
        }

        /** out[i] = line[i + k] (0 past the end), k in 0..63. */
        private void down(long[] line, int k, long[] out) {
            for (int w = 0; w < words; w++) {
                long next = w + 1 < words && k > 0 ? line[w + 1] << (64 - k) : 0;
                out[w] = (line[w] >>> k) | next;
            }
        }

        /** out[i] = line[i - 1] (0 before the start). */
        private void up1(long[] line, long[] out) {
            for (int w = words - 1; w >= 0; w--) {
                out[w] = (line[w] << 1) | (w > 0 ? line[w - 1] >>> 63 : 0);
            }
        }

        static int count(long[] bits) {
            int n = 0;
            for (long word : bits) {
                n += Long.bitCount(word);
            }
            return n;
        }

        /**
         * Rule 1: a run of L >= 5 modules of one colour costs 3 + (L - 5) = (L - 4) + 2, i.e. one per
         * window of five equal modules plus two per run that starts such a window. Rule 3: the
         * 1:1:3:1:1 pattern {@code 1011101} with four light modules inside the line before or after it.
         */
        int runsAndFinders(long[] line) {
            // a: equal[i] = line[i] == line[i + 1], i in 0..size-2
            down(line, 1, b);
            for (int w = 0; w < words; w++) {
                a[w] = ~(line[w] ^ b[w]) & valid[w];
            }
            clearFrom(a, size - 1);
            // c: five equal from i = equal[i..i+3]
            System.arraycopy(a, 0, c, 0, words);
            for (int k = 1; k <= 3; k++) {
                down(a, k, b);
                for (int w = 0; w < words; w++) {
                    c[w] &= b[w];
                }
            }
            // d: runs starting at i: five equal from i, and i == 0 or line[i - 1] != line[i]
            up1(a, d);
            for (int w = 0; w < words; w++) {
                d[w] = c[w] & ~d[w];
            }
            int penalty = count(c) + 2 * count(d);

            // e: finder pattern 1011101 starting at i (i + 6 < size)
            System.arraycopy(line, 0, e, 0, words);
            int[] dark = {2, 3, 4, 6};
            for (int k : dark) {
                down(line, k, b);
                for (int w = 0; w < words; w++) {
                    e[w] &= b[w];
                }
            }
            for (int k : new int[] {1, 5}) {
                down(line, k, b);
                for (int w = 0; w < words; w++) {
                    e[w] &= ~b[w];
                }
            }
            clearFrom(e, size - 6);
            if (isZero(e)) {
                return penalty;
            }
            // f: four light modules at i..i+3 (all inside the line)
            for (int w = 0; w < words; w++) {
                f[w] = ~line[w] & valid[w];
            }
            for (int k = 1; k <= 3; k++) {
                down(line, k, b);
                for (int w = 0; w < words; w++) {
                    f[w] &= ~b[w];
                }
            }
            clearFrom(f, size - 3);
            // light before the pattern at i: f[i - 4]; after it: f[i + 7]
            down(f, 7, b);
            shiftUp(f, 4, c);
            int finders = 0;
            for (int w = 0; w < words; w++) {
                finders += Long.bitCount(e[w] & (b[w] | c[w]));
            }
            return penalty + PENALTY_N3 * finders;
        }

        /** Rule 2: 2x2 blocks of one colour, over consecutive rows. */
        int blocks(long[][] rows) {
            int blocks = 0;
            for (int y = 0; y + 1 < size; y++) {
                long[] row = rows[y];
                long[] below = rows[y + 1];
                down(row, 1, a);
                down(below, 1, b);
                for (int w = 0; w < words; w++) {
                    c[w] = ~(row[w] ^ a[w]) & ~(below[w] ^ b[w]) & ~(row[w] ^ below[w]);
                }
                clearFrom(c, size - 1);
                blocks += count(c);
            }
            return blocks;
        }

        /** out[i] = line[i - k] (0 before the start), k in 1..63. */
        private void shiftUp(long[] line, int k, long[] out) {
            for (int w = words - 1; w >= 0; w--) {
                out[w] = (line[w] << k) | (w > 0 ? line[w - 1] >>> (64 - k) : 0);
            }
        }

        /** Clears bits {@code from} and above. */
        private void clearFrom(long[] bits, int from) {
            for (int w = 0; w < words; w++) {
                int low = w << 6;
                if (low >= from) {
                    bits[w] = 0;
                } else if (from < low + 64) {
                    bits[w] &= (1L << (from - low)) - 1;
                }
            }
        }

        private boolean isZero(long[] bits) {
            for (long word : bits) {
                if (word != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean bit(int value, int index) {
        return ((value >>> index) & 1) != 0;
    }

    private static void set(boolean[][] modules, boolean[][] function, int x, int y, boolean dark) {
        modules[y][x] = dark;
        if (function != null) {
            function[y][x] = true;
        }
    }

}
