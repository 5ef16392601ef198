package dev.shomei.printing.qr;

/**
 * Reed-Solomon error correction codewords of QR codes (ISO/IEC 18004 7.5.2): GF(256) with the
 * polynomial x^8 + x^4 + x^3 + x^2 + 1, generator roots α^0 .. α^(n-1). The same codewords as
 * ZXing's {@code ReedSolomonEncoder} over {@code GenericGF.QR_CODE_FIELD_256}, computed as a shift
 * register over log/antilog tables instead of with polynomial objects (a sixth of an overseas
 * certificate's render time went there). Stateless and thread-safe.
 */
final class QrReedSolomon {
    /** QR codes use at most 30 error correction codewords per block. */
    static final int MAX_DEGREE = 30;
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];
    /** GENERATOR_LOGS[n][j]: log of the coefficient of x^(n-1-j) of the degree-n generator (leading 1 left out). */
    private static final int[][] GENERATOR_LOGS = new int[MAX_DEGREE + 1][];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= 256) {
                x ^= 0x11D;
            }
        }
        for (int i = 255; i < EXP.length; i++) {
            EXP[i] = EXP[i - 255];
        }
        int[] generator = {1}; // coefficients, highest power first
        for (int degree = 1; degree <= MAX_DEGREE; degree++) {
            int[] next = new int[degree + 1];
            int root = EXP[degree - 1];
            for (int i = 0; i < generator.length; i++) { // (previous) * (x + root)
                next[i] ^= generator[i];
                next[i + 1] ^= multiply(generator[i], root);
            }
            generator = next;
            int[] logs = new int[degree];
            for (int j = 0; j < degree; j++) {
                logs[j] = LOG[generator[j + 1]]; // no coefficient of a QR generator is 0
            }
            GENERATOR_LOGS[degree] = logs;
        }
    }

    private QrReedSolomon() {
    }

    /** The {@code degree} error correction codewords of {@code data[from .. from+length)}. */
    static int[] errorCorrection(byte[] data, int from, int length, int degree) {
        if (degree < 1 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("QR codes use 1-" + MAX_DEGREE + " error correction codewords per block");
        }
        int[] generator = GENERATOR_LOGS[degree];
        int[] remainder = new int[degree];
        for (int i = 0; i < length; i++) {
            int factor = (data[from + i] & 0xFF) ^ remainder[0];
            System.arraycopy(remainder, 1, remainder, 0, degree - 1);
            remainder[degree - 1] = 0;
            if (factor != 0) {
                int logFactor = LOG[factor];
                for (int j = 0; j < degree; j++) {
                    remainder[j] ^= EXP[generator[j] + logFactor];
                }
            }
        }
        return remainder;
    }

    private static int multiply(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }
}
