package dev.shomei.printing.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** A4 geometry shared by the layouts, in points. */
final class Page {
    static final PDRectangle SIZE = PDRectangle.A4;
    static final float WIDTH = SIZE.getWidth();
    static final float HEIGHT = SIZE.getHeight();
    static final float LEFT = 42.5f;
    static final float RIGHT = WIDTH - 42.5f;
    static final float CENTER = WIDTH / 2;
    static final float FRAME = 26f;

    private Page() {
    }
}
