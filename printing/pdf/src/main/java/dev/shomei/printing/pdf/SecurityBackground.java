package dev.shomei.printing.pdf;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPatternContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDPattern;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;

/**
 * Anti-copy features in vector graphics: a fine wave pattern in light blue behind everything (a
 * tiling pattern: a few bytes however large the page) and lines of micro-text that a copier blurs.
 * The QR codes are what proves a certificate; these only make a photocopy look like one.
 */
final class SecurityBackground {
    private static final float CELL = 14f;
    private static final float MICRO_SIZE = 1.8f;
    private static final String MICRO_TEXT =
            "COVID-19 VACCINATION CERTIFICATE 新型コロナウイルス感染症予防接種証明書 JAPAN 日本国 ";

    private SecurityBackground() {
    }

    /** Fills the page's printable area with the wave pattern. */
    static void pattern(PDPage page, PageCanvas canvas, PDRectangle area) throws IOException {
        PDTilingPattern pattern = new PDTilingPattern();
        pattern.setPaintType(PDTilingPattern.PAINT_COLORED);
        pattern.setTilingType(PDTilingPattern.TILING_CONSTANT_SPACING);
        pattern.setBBox(new PDRectangle(0, 0, CELL, CELL));
        pattern.setXStep(CELL);
        pattern.setYStep(CELL);
        try (PDPatternContentStream cell = new PDPatternContentStream(pattern)) {
            cell.setStrokingColor(0.74f, 0.84f, 0.94f);
            cell.setLineWidth(0.25f);
            // two crossing waves; each starts and ends at the cell edges at the same height, so they join
            cell.moveTo(0, CELL * 0.25f);
            cell.curveTo(CELL * 0.33f, CELL * 0.75f, CELL * 0.66f, -CELL * 0.25f, CELL, CELL * 0.25f);
            cell.stroke();
            cell.moveTo(0, CELL * 0.75f);
            cell.curveTo(CELL * 0.33f, CELL * 1.25f, CELL * 0.66f, CELL * 0.25f, CELL, CELL * 0.75f);
            cell.stroke();
        }
        COSName name = page.getResources().add(pattern);
        var stream = canvas.stream();
        stream.saveGraphicsState();
        stream.setNonStrokingColor(new PDColor(name, new PDPattern(null)));
        stream.addRect(area.getLowerLeftX(), area.getLowerLeftY(), area.getWidth(), area.getHeight());
        stream.fill();
        stream.restoreGraphicsState();
    }

    /** One line of micro-text from {@code left} to {@code right} at height {@code y}. */
    static void microText(PageCanvas canvas, float left, float right, float y) throws IOException {
        float unit = canvas.width(MICRO_TEXT, MICRO_SIZE);
        int repeats = Math.max(1, (int) ((right - left) / unit));
        canvas.stream().setNonStrokingColor(0.35f, 0.45f, 0.6f);
        canvas.text(MICRO_TEXT.repeat(repeats).strip(), left, y, MICRO_SIZE);
        canvas.stream().setNonStrokingColor(0f);
    }
}
