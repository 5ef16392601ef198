package dev.shomei.printing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.testing.PrintingFixtures;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** The font's own width table gives what a font PDFBox embeds gives, so layout is unchanged. */
class CertificateFontWidthTest {
    @Test
    void widthsEqualPdfBoxsStringWidths() throws IOException {
        CertificateFont font = PrintingFixtures.bodyFont();
        String[] texts = {
            "新型コロナウイルス感染症予防接種証明書", "COVID-19 VACCINATION CERTIFICATE", "番号　花子",
            "東京都文京区春日一丁目１６番２１号", "Date of birth / 生年月日 1985-04-01", "Comirnaty ファイザー 2/3",
            "髙橋 𠮷田 ｶﾀｶﾅ ＡＢＣ ①②③ 〒112-8555", "page 1 / 2", "",
        };
        try (PDDocument document = new PDDocument()) {
            PDType0Font embedded = PDType0Font.load(document, font.trueType(), true);
            for (String text : texts) {
                String printable = font.printable(text);
                assertEquals(embedded.getStringWidth(printable), font.width(printable), 0.0001f, text);
            }
            assertTrue(font.width("日本") > 0);
        }
    }
}
