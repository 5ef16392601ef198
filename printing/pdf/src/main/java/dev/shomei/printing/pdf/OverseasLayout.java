package dev.shomei.printing.pdf;

import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.Passport;
import java.io.IOException;
import java.util.List;

/** 海外用及び日本国内用: Japanese and English, the VDS-NC and SMART Health Card QR codes. */
final class OverseasLayout implements Layout {
    private static final float TABLE_TOP_FIRST = 578f;
    private static final float TABLE_TOP_NEXT = 680f;
    private static final float LABEL_X = Page.LEFT + 12;
    private static final float VALUE_X = Page.LEFT + 132;
    private static final DoseTable TABLE = new DoseTable(List.of(
            new DoseTable.Column("回数", "Dose", 42f),
            new DoseTable.Column("接種年月日", "Date", 76f),
            new DoseTable.Column("ワクチン名", "Vaccine", 138f),
            new DoseTable.Column("製造販売業者", "Manufacturer", 112f),
            new DoseTable.Column("ロット番号", "Lot No.", 76f),
            new DoseTable.Column("接種国", "Country", Page.RIGHT - Page.LEFT - 444f)), Page.LEFT, 24f, 26f);

    @Override
    public int firstPageRows() {
        return 7;
    }

    @Override
    public int nextPageRows() {
        return 21;
    }

    @Override
    public void pageHeader(PageCanvas canvas, CertificateDocument document) throws IOException {
        CertificateContent content = document.content();
        canvas.textRight("証明書ID Certificate ID  " + content.certificateId(), Page.RIGHT, Page.HEIGHT - 52, 8f);
        canvas.textRight("交付年月日 Date of issue  " + Labels.dateJa(content.issueDate()) + " ("
                + Labels.dateIso(content.issueDate()) + ")", Page.RIGHT, Page.HEIGHT - 63, 8f);
    }

    @Override
    public void firstPage(PageCanvas canvas, CertificateDocument document, List<Dose> doses) throws IOException {
        CertificateContent content = document.content();
        Passport passport = content.passport();
        canvas.textCentered(Labels.TITLE_JA, Page.CENTER, Page.HEIGHT - 100, 16f);
        canvas.textCentered(Labels.TITLE_EN, Page.CENTER, Page.HEIGHT - 119, 13f);
        canvas.textCentered(Labels.OVERSEAS, Page.CENTER, Page.HEIGHT - 135, 8.5f);

        canvas.box(Page.LEFT, 606, Page.RIGHT - Page.LEFT, 84, 0.8f);
        field(canvas, 672, "氏名", "Name", content.person().printedName() + " / " + content.person().printedRomanName(passport));
        field(canvas, 653, "生年月日", "Date of birth", Labels.dateJa(content.person().birthDate()) + " / "
                + Labels.dateIso(content.person().birthDate()));
        field(canvas, 634, "国籍", "Nationality", Labels.countryJa(passport.nationality()) + " / "
                + Labels.countryEn(passport.nationality()) + " (" + passport.nationality() + ")");
        field(canvas, 615, "旅券番号", "Passport No.", passport.number());

        canvas.text(Labels.RECORDS_JA + "  " + Labels.RECORDS_EN, Page.LEFT, TABLE_TOP_FIRST + 8, 10.5f);
        furtherRecordsNote(canvas, content, doses, rows(canvas, doses, TABLE_TOP_FIRST));

        canvas.text(Labels.CERTIFY_JA, Page.LEFT, 360, 9f);
        canvas.text(Labels.CERTIFY_EN, Page.LEFT, 347, 8.5f);

        float issuerRight = Page.RIGHT;
        canvas.textRight(Labels.dateJa(content.issueDate()) + " (" + Labels.dateIso(content.issueDate()) + ")",
                issuerRight, 300, 9.5f);
        canvas.textRight(content.authority().nameJa(), issuerRight, 268, 16f);
        canvas.textRight(content.authority().nameEn(), issuerRight, 250, 10f);

        if (document.vdsNc() != null) {
            // the seal grows with the doses: keep its modules near 0.45 mm, within the space left of the issuer
            float vdsSide = QrDrawing.side(document.vdsNc(), 1.3f, 190f, 236f);
            QrDrawing.draw(canvas.stream(), document.vdsNc(), Page.LEFT, 78, vdsSide);
            canvas.textCentered(Labels.VDS_CAPTION, Page.LEFT + vdsSide / 2, 66, 7.5f);
            float shcLeft = Page.LEFT + vdsSide + 14;
            QrDrawing.draw(canvas.stream(), document.smartHealthCard(), shcLeft, 78, 156);
            canvas.textCentered(Labels.SHC_CAPTION, shcLeft + 78, 66, 7.5f);
        } else {
            canvas.box(Page.LEFT, 196, 330, 48, 0.6f);
            canvas.textFit(Labels.NO_QR_JA, Page.LEFT + 8, 226, 8.5f, 314);
            canvas.textFit(Labels.NO_QR_EN, Page.LEFT + 8, 208, 8f, 314);
        }
    }

    @Override
    public void nextPage(PageCanvas canvas, CertificateDocument document, List<Dose> doses) throws IOException {
        CertificateContent content = document.content();
        canvas.textCentered(Labels.TITLE_JA + Labels.CONTINUED_JA, Page.CENTER, Page.HEIGHT - 98, 12f);
        canvas.textCentered(Labels.TITLE_EN + " " + Labels.CONTINUED_EN, Page.CENTER, Page.HEIGHT - 113, 10f);
        canvas.text("氏名 Name  " + content.person().printedName() + " / " + content.person().printedRomanName(content.passport()),
                Page.LEFT, Page.HEIGHT - 136, 9.5f);
        canvas.text("生年月日 Date of birth  " + Labels.dateIso(content.person().birthDate()),
                Page.CENTER + 60, Page.HEIGHT - 136, 9.5f);
        canvas.text(Labels.RECORDS_JA + "  " + Labels.RECORDS_EN, Page.LEFT, TABLE_TOP_NEXT + 8, 10.5f);
        furtherRecordsNote(canvas, content, doses, rows(canvas, doses, TABLE_TOP_NEXT));
    }

    private static void field(PageCanvas canvas, float y, String labelJa, String labelEn, String value)
            throws IOException {
        canvas.text(labelJa, LABEL_X, y, 9f);
        canvas.text(labelEn, LABEL_X + canvas.width(labelJa, 9f) + 5, y, 7.5f);
        canvas.textFit(value, VALUE_X, y - 1, 11.5f, Page.RIGHT - VALUE_X - 10);
    }

    /** Below the last dose: the note that the issuer holds earlier doses, when the certificate leaves some out. */
    private static void furtherRecordsNote(PageCanvas canvas, CertificateContent content, List<Dose> doses, float y)
            throws IOException {
        if (!content.furtherRecords() || doses.isEmpty() || !doses.getLast().equals(content.doses().getLast())) {
            return;
        }
        canvas.textFit(Labels.FURTHER_RECORDS_JA, Page.LEFT, y - 14, 9f, Page.RIGHT - Page.LEFT);
        canvas.textFit(Labels.FURTHER_RECORDS_EN, Page.LEFT, y - 26, 8.5f, Page.RIGHT - Page.LEFT);
    }

    /** Draws the table; returns the y of its bottom edge. */
    private static float rows(PageCanvas canvas, List<Dose> doses, float top) throws IOException {
        float y = TABLE.header(canvas, top);
        for (Dose dose : doses) {
            y = TABLE.row(canvas, y, new String[][] {
                {Labels.doseJa(dose.number()), Labels.doseEn(dose.number())},
                {Labels.dateJa(dose.date()), Labels.dateIso(dose.date())},
                {dose.product().nameJa(), dose.product().nameEn()},
                {dose.product().manufacturerJa(), dose.product().manufacturerEn()},
                {dose.lotNumber()},
                {Labels.countryJa(dose.country()), Labels.countryEn(dose.country())}});
        }
        return y;
    }
}
