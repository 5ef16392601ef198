package dev.shomei.printing.qr;

import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonEncoder;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.util.List;

/**
 * Encodes explicit segments into a QR symbol (ISO/IEC 18004): the smallest version in the allowed
 * range, terminator and pad codewords, Reed-Solomon blocks interleaved, function patterns, format
 * and version information, data placement, and the mask with the lowest penalty (ties to the lower
 * mask number, as ZXing does). Stateless and thread-safe.
 */
public final class QrEncoder {
    private static final ReedSolomonEncoder REED_SOLOMON = new ReedSolomonEncoder(GenericGF.QR_CODE_FIELD_256);
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
            int bestPenalty = Integer.MAX_VALUE;
            boolean[][] trial = new boolean[size][size];
            for (int mask = 0; mask < 8; mask++) {
                copy(base, trial);
                applyMask(trial, function, mask);
                drawFormatBits(trial, level, mask);
                int penalty = penalty(trial);
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
        int[][] dataBlocks = new int[blockCount][];
        int[][] ecCodewords = new int[blockCount][];
        int block = 0;
        int offset = 0;
        for (Version.ECB group : ecBlocks.getECBlocks()) {
            for (int i = 0; i < group.getCount(); i++, block++) {
                int length = group.getDataCodewords();
                int[] message = new int[length + ecPerBlock];
                for (int j = 0; j < length; j++) {
                    message[j] = data[offset + j] & 0xff;
                }
                offset += length;
                REED_SOLOMON.encode(message, ecPerBlock);
                dataBlocks[block] = java.util.Arrays.copyOf(message, length);
                ecCodewords[block] = java.util.Arrays.copyOfRange(message, length, length + ecPerBlock);
            }
        }
        byte[] result = new byte[version.getTotalCodewords()];
        int position = 0;
        int longest = dataBlocks[blockCount - 1].length; // later blocks are the longer ones
        for (int i = 0; i < longest; i++) {
            for (int[] dataBlock : dataBlocks) {
                if (i < dataBlock.length) {
                    result[position++] = (byte) dataBlock[i];
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

    /** The 15-bit format information (level, mask, BCH code, XOR 0x5412), both copies. */
    private static void drawFormatBits(boolean[][] modules, boolean[][] function, ErrorCorrectionLevel level,
                                       int mask) {
        int data = level.getBits() << 3 | mask;
        int remainder = data;
        for (int i = 0; i < 10; i++) {
            remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
        }
        int bits = (data << 10 | remainder) ^ 0x5412;
        int size = modules.length;
        for (int i = 0; i <= 5; i++) {
            set(modules, function, 8, i, bit(bits, i));
        }
        set(modules, function, 8, 7, bit(bits, 6));
        set(modules, function, 8, 8, bit(bits, 7));
        set(modules, function, 7, 8, bit(bits, 8));
        for (int i = 9; i < 15; i++) {
            set(modules, function, 14 - i, 8, bit(bits, i));
        }
        for (int i = 0; i < 8; i++) {
            set(modules, function, size - 1 - i, 8, bit(bits, i));
        }
        for (int i = 8; i < 15; i++) {
            set(modules, function, 8, size - 15 + i, bit(bits, i));
        }
        set(modules, function, 8, size - 8, true);
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
     * The four penalty rules of ISO/IEC 18004 section 7.8.3, computed as ZXing's MaskUtil does. Rules
     * 1 and 3 run over rows, then over the rows of the transposed matrix (the columns), so every scan
     * reads one contiguous array.
     */
    static int penalty(boolean[][] m) {
        int size = m.length;
        boolean[][] columns = new boolean[size][size];
        int dark = 0;
        int penalty = 0;
        for (int y = 0; y < size; y++) {
            boolean[] row = m[y];
            for (int x = 0; x < size; x++) {
                columns[x][y] = row[x];
                dark += row[x] ? 1 : 0;
            }
        }
        for (int i = 0; i < size; i++) {
            penalty += runsAndFinders(m[i]) + runsAndFinders(columns[i]);
        }
        // rule 2: 2x2 blocks of one colour
        for (int y = 0; y < size - 1; y++) {
            boolean[] row = m[y];
            boolean[] below = m[y + 1];
            for (int x = 0; x < size - 1; x++) {
                boolean c = row[x];
                if (c == row[x + 1] && c == below[x] && c == below[x + 1]) {
                    penalty += PENALTY_N2;
                }
            }
        }
        // rule 4: proportion of dark modules, in steps of 5% away from half
        int total = size * size;
        return penalty + Math.abs(dark * 2 - total) * 10 / total * PENALTY_N4;
    }

    /**
     * Rule 1 (runs of five or more modules of one colour) and rule 3 (a 1:1:3:1:1 finder-like
     * pattern with four light modules on one side, not counting a side that leaves the symbol) on one line.
     */
    private static int runsAndFinders(boolean[] line) {
        int size = line.length;
        int penalty = 0;
        int run = 1;
        for (int i = 1; i < size; i++) {
            if (line[i] == line[i - 1]) {
                run++;
            } else {
                penalty += runPenalty(run);
                run = 1;
            }
        }
        penalty += runPenalty(run);
        for (int x = 0; x + 6 < size; x++) {
            if (line[x] && !line[x + 1] && line[x + 2] && line[x + 3] && line[x + 4] && !line[x + 5] && line[x + 6]
                    && (light(line, x - 4, x) || light(line, x + 7, x + 11))) {
                penalty += PENALTY_N3;
            }
        }
        return penalty;
    }

    private static int runPenalty(int run) {
        return run >= 5 ? PENALTY_N1 + run - 5 : 0;
    }

    private static boolean light(boolean[] line, int from, int to) {
        if (from < 0 || to > line.length) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (line[i]) {
                return false;
            }
        }
        return true;
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

    private static void copy(boolean[][] from, boolean[][] to) {
        for (int y = 0; y < from.length; y++) {
            System.arraycopy(from[y], 0, to[y], 0, from[y].length);
        }
    }
}
