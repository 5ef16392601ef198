package dev.shomei.printing.pdf;

import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import java.io.IOException;
import java.util.List;

/** 日本国内用: Japanese only, the SMART Health Card QR. */
final class DomesticLayout implements Layout {
    private static final float TABLE_TOP_FIRST = 598f;
    private static final float TABLE_TOP_NEXT = 690f;
    private static final DoseTable TABLE = new DoseTable(List.of(
            new DoseTable.Column("回数", null, 48f),
            new DoseTable.Column("接種年月日", null, 92f),
            new DoseTable.Column("ワクチン名", null, 170f),
            new DoseTable.Column("製造販売業者", null, 120f),
            new DoseTable.Column("ロット番号", null, Page.RIGHT - Page.LEFT - 430f)), Page.LEFT, 20f, 22f);

    @Override
    public int firstPageRows() {
        return 10;
    }

    @Override
    public int nextPageRows() {
        return 26;
    }

    @Override
    public void pageHeader(PageCanvas canvas, CertificateDocument document) throws IOException {
        CertificateContent content = document.content();
        canvas.textRight("証明書ID  " + content.certificateId(), Page.RIGHT, Page.HEIGHT - 52, 8f);
        canvas.textRight("交付年月日  " + Labels.dateJa(content.issueDate()), Page.RIGHT, Page.HEIGHT - 63, 8f);
    }

    @Override
    public void firstPage(PageCanvas canvas, CertificateDocument document, List<Dose> doses) throws IOException {
        CertificateContent content = document.content();
        canvas.textCentered(Labels.TITLE_JA, Page.CENTER, Page.HEIGHT - 108, 17f);
        canvas.textCentered(Labels.DOMESTIC_JA, Page.CENTER, Page.HEIGHT - 127, 10f);

        canvas.box(Page.LEFT, 628, Page.RIGHT - Page.LEFT, 58, 0.8f);
        canvas.text("氏名", Page.LEFT + 14, 662, 10f);
        canvas.textFit(content.person().printedName(), Page.LEFT + 100, 661, 15f, Page.RIGHT - Page.LEFT - 120);
        canvas.text("生年月日", Page.LEFT + 14, 638, 10f);
        canvas.text(Labels.dateJa(content.person().birthDate()), Page.LEFT + 100, 638, 12f);

        canvas.text(Labels.RECORDS_JA, Page.LEFT, TABLE_TOP_FIRST + 8, 11f);
        furtherRecordsNote(canvas, content, doses, rows(canvas, doses, TABLE_TOP_FIRST));

        canvas.text(Labels.CERTIFY_JA, Page.LEFT, 330, 10f);
        canvas.textRight(Labels.dateJa(content.issueDate()), Page.RIGHT, 250, 11f);
        canvas.textRight(content.authority().nameJa(), Page.RIGHT, 214, 17f);

        if (document.smartHealthCard() != null) {
            QrDrawing.draw(canvas.stream(), document.smartHealthCard(), Page.LEFT, 78, 180);
            canvas.textCentered(Labels.SHC_CAPTION, Page.LEFT + 90, 66, 7.5f);
        } else {
            canvas.box(Page.LEFT, 200, 300, 44, 0.6f);
            canvas.textFit(Labels.NO_QR_JA, Page.LEFT + 8, 218, 8.5f, 284);
        }
    }

    @Override
    public void nextPage(PageCanvas canvas, CertificateDocument document, List<Dose> doses) throws IOException {
        CertificateContent content = document.content();
        canvas.textCentered(Labels.TITLE_JA + Labels.CONTINUED_JA, Page.CENTER, Page.HEIGHT - 100, 12f);
        canvas.text("氏名  " + content.person().printedName(), Page.LEFT, Page.HEIGHT - 128, 10f);
        canvas.text("生年月日  " + Labels.dateJa(content.person().birthDate()), Page.CENTER, Page.HEIGHT - 128, 10f);
        canvas.text(Labels.RECORDS_JA, Page.LEFT, TABLE_TOP_NEXT + 8, 11f);
        furtherRecordsNote(canvas, content, doses, rows(canvas, doses, TABLE_TOP_NEXT));
    }

    /** Below the last dose: the note that the issuer holds earlier doses, when the certificate leaves some out. */
    private static void furtherRecordsNote(PageCanvas canvas, CertificateContent content, List<Dose> doses, float y)
            throws IOException {
        if (!content.furtherRecords() || doses.isEmpty() || !doses.getLast().equals(content.doses().getLast())) {
            return;
        }
        canvas.textFit(Labels.FURTHER_RECORDS_JA, Page.LEFT, y - 14, 9f, Page.RIGHT - Page.LEFT);
    }

    /** Draws the table; returns the y of its bottom edge. */
    private static float rows(PageCanvas canvas, List<Dose> doses, float top) throws IOException {
        float y = TABLE.header(canvas, top);
        for (Dose dose : doses) {
            y = TABLE.row(canvas, y, new String[][] {
                {Labels.doseJa(dose.number())},
                {Labels.dateJa(dose.date())},
                {dose.product().nameJa()},
                {dose.product().manufacturerJa()},
                {dose.lotNumber()}});
        }
        return y;
    }
}
