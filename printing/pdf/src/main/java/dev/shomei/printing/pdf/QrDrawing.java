package dev.shomei.printing.pdf;

import dev.shomei.printing.qr.QrCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws a QR code as vector rectangles, so it stays sharp at any printer resolution. The modules
 * are drawn in a module-unit coordinate system, each horizontal run of dark modules as one
 * rectangle, all filled in one operation so no seams appear between neighbours.
 *
 * <p>The rectangles go into a form XObject whose content this class writes itself: every number
 * in it is a small integer, which PDFBox's content stream would format as a float one operand at
 * a time (that formatting was a sixth of the PDF's render time; see docs/benchmarks.md). It is
 * compressed at zlib's fastest level, not PDFBox's default: for the overseas certificate's VDS-NC
 * symbol (117 modules, 51 KB of operators) the default took 2.05 ms of CPU and the fastest 0.39 ms,
 * for 13.0 KB instead of 9.9 KB (docs/benchmarks.md, "QR forms compressed at the fastest level").
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
        stream.drawForm(form(code));
        stream.restoreGraphicsState();
    }

    /** The dark modules as a form in module units: {@code x y w 1 re} per horizontal run, one fill. */
    static PDFormXObject form(QrCode code) throws IOException {
        int size = code.size();
        StringBuilder content = new StringBuilder(size * size / 2);
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
                content.append(start).append(' ').append(row).append(' ').append(column - start).append(" 1 re\n");
            }
        }
        content.append("f\n");
        COSStream stream = new COSStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream out = new DeflaterOutputStream(stream.createRawOutputStream(), deflater)) {
            out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        } finally {
            deflater.end();
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        PDFormXObject form = new PDFormXObject(new PDStream(stream));
        form.setBBox(new PDRectangle(0, 0, size, size));
        return form;
    }
}
