package dev.shomei.printing.pdf;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Drawing on one page in points, origin bottom left: text (left, right or centred, shrunk to fit a
 * width), lines and boxes. All text passes through {@link CertificateFont#printable(String)} first,
 * so a missing glyph prints the fallback instead of failing; then each run of characters is shown in
 * the first font of the chain that has them (body font, else the name font).
 */
final class PageCanvas {
    static final float MIN_FONT_SIZE = 5f;

    private final PDPageContentStream stream;
    private final PDResources resources;
    private final DocumentFonts fonts;
    private final CertificateFont fontFile;

    PageCanvas(PDPageContentStream stream, PDResources resources, DocumentFonts fonts, CertificateFont fontFile) {
        this.stream = stream;
        this.resources = resources;
        this.fonts = fonts;
        this.fontFile = fontFile;
    }

    PDPageContentStream stream() {
        return stream;
    }

    float width(String text, float size) throws IOException {
        return fontFile.width(fontFile.printable(text)) / 1000f * size;
    }

    void text(String text, float x, float y, float size) throws IOException {
        String printable = fontFile.printable(text);
        if (printable.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.newLineAtOffset(x, y);
        // one Tf + Tj per run of one font; each Tj moves the text position on by the run's width
        for (int start = 0; start < printable.length(); ) {
            int face = Math.max(0, fontFile.faceOf(printable.codePointAt(start)));
            int end = start;
            while (end < printable.length() && Math.max(0, fontFile.faceOf(printable.codePointAt(end))) == face) {
                end += Character.charCount(printable.codePointAt(end));
            }
            EmbeddedFontSubset font = fonts.subset(face, resources);
            stream.appendRawCommands(font.selectFont(size)); // the subset encodes the text itself (see EmbeddedFontSubset)
            stream.appendRawCommands(font.showText(printable.substring(start, end)));
            start = end;
        }
        stream.endText();
    }

    /** Text starting at x, its size reduced (down to {@link #MIN_FONT_SIZE}) so it fits maxWidth. */
    void textFit(String text, float x, float y, float size, float maxWidth) throws IOException {
        text(text, x, y, fitSize(text, size, maxWidth));
    }

    void textRight(String text, float right, float y, float size) throws IOException {
        text(text, right - width(text, size), y, size);
    }

    void textCentered(String text, float centerX, float y, float size) throws IOException {
        text(text, centerX - width(text, size) / 2, y, size);
    }

    void textCenteredFit(String text, float centerX, float y, float size, float maxWidth) throws IOException {
        float fitted = fitSize(text, size, maxWidth);
        text(text, centerX - width(text, fitted) / 2, y, fitted);
    }

    float fitSize(String text, float size, float maxWidth) throws IOException {
        float width = width(text, size);
        return width <= maxWidth ? size : Math.max(MIN_FONT_SIZE, size * maxWidth / width);
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth) throws IOException {
        stream.setLineWidth(lineWidth);
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
    }

    void box(float x, float y, float width, float height, float lineWidth) throws IOException {
        stream.setLineWidth(lineWidth);
        stream.addRect(x, y, width, height);
        stream.stroke();
    }

    void fillWhite(float x, float y, float width, float height) throws IOException {
        stream.setNonStrokingColor(1f);
        stream.addRect(x, y, width, height);
        stream.fill();
        stream.setNonStrokingColor(0f);
    }
}
