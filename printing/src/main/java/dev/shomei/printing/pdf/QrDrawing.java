package dev.shomei.printing.pdf;

import dev.shomei.printing.qr.QrCode;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws a QR code as vector rectangles, so it stays sharp at any printer resolution. The modules
 * are drawn in a module-unit coordinate system (small integers keep the content stream short),
 * each horizontal run of dark modules as one rectangle, all filled in one operation so no seams
 * appear between neighbours.
 */
final class QrDrawing {
    static final int QUIET_ZONE = 4;

    private QrDrawing() {
    }

    /** The side for {@code code} at {@code modulePoints} per module, kept within [min, max]. */
    static float side(QrCode code, float modulePoints, float min, float max) {
        return Math.max(min, Math.min(max, (code.size() + 2 * QUIET_ZONE) * modulePoints));
    }

    /** Draws {@code code} with its quiet zone (white) in the square at (x, y) of side {@code side}. */
    static void draw(PDPageContentStream stream, QrCode code, float x, float y, float side) throws IOException {
        int modules = code.size() + 2 * QUIET_ZONE;
        float module = side / modules;
        stream.saveGraphicsState();
        stream.setNonStrokingColor(1f);
        stream.addRect(x, y, side, side);
        stream.fill();
        stream.setNonStrokingColor(0f);
        // module (0, 0) is the top-left corner of the symbol; y grows downwards
        stream.transform(new Matrix(module, 0, 0, -module, x + QUIET_ZONE * module, y + side - QUIET_ZONE * module));
        int size = code.size();
        for (int row = 0; row < size; row++) {
            int column = 0;
            while (column < size) {
                if (!code.isDark(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < size && code.isDark(column, row)) {
                    column++;
                }
                stream.addRect(start, row, column - start, 1);
            }
        }
        stream.fill();
        stream.restoreGraphicsState();
    }
}
