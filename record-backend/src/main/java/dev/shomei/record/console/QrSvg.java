package dev.shomei.record.console;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code (ZXing) as inline SVG, one path of horizontal runs: no image request, no script, CSP-clean. */
final class QrSvg {
    private QrSvg() {
    }

    /** Writes {@code <svg>} for {@code text} into {@code html}, {@code pixels} wide. */
    static void write(Html html, String text, int pixels, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        html.open("svg", "class", "qr", "viewbox", "0 0 " + width + " " + height, "width", String.valueOf(pixels),
                "height", String.valueOf(pixels), "role", "img", "aria-label", label, "shape-rendering", "crispEdges");
        html.open("rect", "width", String.valueOf(width), "height", String.valueOf(height), "fill", "#fff").close("rect");
        html.open("path", "d", path.toString(), "fill", "#000").close("path");
        html.close("svg");
    }
}
