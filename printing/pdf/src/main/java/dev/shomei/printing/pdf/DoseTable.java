package dev.shomei.printing.pdf;

import java.io.IOException;
import java.util.List;

/**
 * The table of doses: a header row and one row per dose, each cell one or two lines (Japanese over
 * English on the overseas layout). Text shrinks to fit its cell rather than overflow.
 */
final class DoseTable {
    record Column(String headerJa, String headerEn, float width) {
    }

    private static final float PADDING = 4f;

    private final List<Column> columns;
    private final float left;
    private final float headerHeight;
    private final float rowHeight;

    DoseTable(List<Column> columns, float left, float headerHeight, float rowHeight) {
        this.columns = columns;
        this.left = left;
        this.headerHeight = headerHeight;
        this.rowHeight = rowHeight;
    }

    float rowHeight() {
        return rowHeight;
    }

    float headerHeight() {
        return headerHeight;
    }

    float width() {
        float width = 0;
        for (Column column : columns) {
            width += column.width();
        }
        return width;
    }

    /** Draws the header whose top edge is at {@code top}; returns the y of its bottom edge. */
    float header(PageCanvas canvas, float top) throws IOException {
        float bottom = top - headerHeight;
        canvas.stream().setNonStrokingColor(0.9f, 0.93f, 0.97f);
        canvas.stream().addRect(left, bottom, width(), headerHeight);
        canvas.stream().fill();
        canvas.stream().setNonStrokingColor(0f);
        float x = left;
        for (Column column : columns) {
            float center = x + column.width() / 2;
            float inner = column.width() - 2 * PADDING;
            if (column.headerEn() == null) {
                canvas.textCenteredFit(column.headerJa(), center, bottom + headerHeight / 2 - 3.5f, 9f, inner);
            } else {
                canvas.textCenteredFit(column.headerJa(), center, bottom + headerHeight / 2 + 1.5f, 8.5f, inner);
                canvas.textCenteredFit(column.headerEn(), center, bottom + headerHeight / 2 - 8f, 7f, inner);
            }
            x += column.width();
        }
        grid(canvas, bottom, headerHeight);
        return bottom;
    }

    /** Draws one row whose top edge is at {@code top}; {@code cells[i]} holds one or two lines. */
    float row(PageCanvas canvas, float top, String[][] cells) throws IOException {
        float bottom = top - rowHeight;
        float x = left;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String[] lines = cells[i];
            float inner = column.width() - 2 * PADDING;
            if (lines.length == 1 || lines[1] == null || lines[1].isEmpty()) {
                canvas.textFit(lines[0], x + PADDING, bottom + rowHeight / 2 - 3.5f, 10f, inner);
            } else {
                canvas.textFit(lines[0], x + PADDING, bottom + rowHeight / 2 + 1.5f, 9f, inner);
                canvas.textFit(lines[1], x + PADDING, bottom + rowHeight / 2 - 9f, 7.5f, inner);
            }
            x += column.width();
        }
        grid(canvas, bottom, rowHeight);
        return bottom;
    }

    private void grid(PageCanvas canvas, float bottom, float height) throws IOException {
        canvas.box(left, bottom, width(), height, 0.6f);
        float x = left;
        for (int i = 0; i < columns.size() - 1; i++) {
            x += columns.get(i).width();
            canvas.line(x, bottom, x, bottom + height, 0.4f);
        }
    }
}
