package dev.shomei.printing.qr;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** An encoded QR symbol: its modules (true = dark), version, error correction level and mask. */
public final class QrCode {
    private final boolean[][] modules; // [y][x]
    private final int version;
    private final ErrorCorrectionLevel level;
    private final int mask;

    QrCode(boolean[][] modules, int version, ErrorCorrectionLevel level, int mask) {
        this.modules = modules;
        this.version = version;
        this.level = level;
        this.mask = mask;
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return modules.length;
    }

    public boolean isDark(int x, int y) {
        return modules[y][x];
    }

    public int version() {
        return version;
    }

    public ErrorCorrectionLevel level() {
        return level;
    }

    public int mask() {
        return mask;
    }

    /** The symbol with a quiet zone of {@code quietZone} modules around it. */
    public BitMatrix toBitMatrix(int quietZone) {
        BitMatrix matrix = new BitMatrix(size() + 2 * quietZone);
        for (int y = 0; y < size(); y++) {
            for (int x = 0; x < size(); x++) {
                if (modules[y][x]) {
                    matrix.set(x + quietZone, y + quietZone);
                }
            }
        }
        return matrix;
    }
}
