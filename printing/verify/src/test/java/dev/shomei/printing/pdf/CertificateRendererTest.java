package dev.shomei.printing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.qr.QrCapacityException;
import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.printing.verify.QrScanner;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.SignedCertificate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateRendererTest {
    @TempDir
    static Path dir;
    static PrintingFixtures fixtures;
    static CertificateRenderer renderer;

    @BeforeAll
    static void setUp() {
        renderer = new CertificateRenderer(PrintingFixtures.font());
        fixtures = new PrintingFixtures(dir);
    }

    @Test
    void domesticCertificateShowsEveryFieldAsExtractableText() throws IOException {
        byte[] pdf = renderer.render(fixtures.sign(CertificateFixtures.domestic(3)));
        String text = text(pdf);
        for (String expected : List.of("新型コロナウイルス感染症 予防接種証明書", "日本国内用", "山田", "太郎",
                "1980年1月1日", "1回目", "2回目", "3回目", "2021年6月1日", "コミナティ", "ファイザー社", "スパイクバックス",
                "モデルナ社", "FA1234", "FB2345", "FC3456", "文京区長", "JP0000000001", "2024年5月1日",
                "証明します", "SMART Health Card", "1 / 1")) {
            assertTrue(text.contains(expected), "missing: " + expected);
        }
        assertFalse(text.contains("〓"), "no fallback glyph for a name the font has");
    }

    @Test
    void overseasCertificateIsBilingual() throws IOException {
        byte[] pdf = renderer.render(fixtures.sign(CertificateFixtures.overseas(3)));
        String text = text(pdf);
        for (String expected : List.of("Vaccination Certificate for COVID-19", "海外用及び日本国内用", "YAMADA TARO",
                "山田", "1980-01-01", "Nationality", "JPN", "Japan", "Passport No.", "TK0000000", "COMIRNATY", "Pfizer",
                "Spikevax", "Moderna", "Lot No.", "Country", "接種国", "Mayor of Bunkyo City", "文京区長",
                "Certificate ID", "JP0000000002", "Date of issue", "ICAO VDS-NC", "SMART Health Card")) {
            assertTrue(text.contains(expected), "missing: " + expected);
        }
    }

    @Test
    void a4FontEmbeddedAsSubsetNoPersonalMetadataSmall() throws IOException {
        byte[] pdf = renderer.render(fixtures.sign(CertificateFixtures.domestic(3)));
        // recorded in docs/certificate.md; the perf issue asks for at most 50 KB
        assertTrue(pdf.length < 150 * 1024, "3-dose domestic PDF is " + pdf.length + " bytes");
        assertTrue(pdf.length < 50 * 1024, "3-dose domestic PDF is " + pdf.length + " bytes");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.01);
            int fonts = 0;
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
                assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "subset prefix: " + font.getName());
                fonts++;
            }
            assertEquals(1, fonts);
            assertEquals("Vaccination certificate", document.getDocumentInformation().getTitle());
            assertNull(document.getDocumentInformation().getAuthor());
            assertNull(document.getDocumentInformation().getSubject());
        }
    }

    @Test
    void dosesOverflowOntoNumberedPages() throws IOException {
        byte[] pdf = renderer.render(fixtures.sign(CertificateFixtures.domestic(12)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getNumberOfPages());
        }
        String text = text(pdf);
        assertTrue(text.contains("1 / 2"));
        assertTrue(text.contains("2 / 2"));
        assertTrue(text.contains("（続き）"));
        for (int dose = 1; dose <= 12; dose++) {
            assertTrue(text.contains(dose + "回目"), "dose " + dose);
        }
        byte[] overseas = renderer.render(fixtures.sign(CertificateFixtures.overseas(9)));
        assertEquals(2, new QrScanner().scanPdf(overseas).size(), "QR codes on page 1 only");
        try (PDDocument document = Loader.loadPDF(overseas)) {
            assertEquals(2, document.getNumberOfPages());
        }
        assertTrue(text(overseas).contains("Dose 9"));
    }

    @Test
    void pageCountIsThePagesOfTheRenderedDocument() throws IOException {
        for (int doses = 1; doses <= 12; doses += 4) {
            for (var certificate : List.of(fixtures.sign(CertificateFixtures.domestic(doses)),
                    fixtures.sign(CertificateFixtures.overseas(doses)))) {
                try (PDDocument document = Loader.loadPDF(renderer.render(certificate))) {
                    assertEquals(document.getNumberOfPages(), renderer.pageCount(certificate), doses + " doses");
                }
            }
        }
    }

    @Test
    void aCharacterTheFontLacksPrintsTheFallbackGlyph() throws IOException {
        // U+1F600 (an emoji) and U+E000 (private use) are not in the font; U+FE00 is a variation selector
        Person unusual = new Person("山田\uD83D\uDE00", "太\uE000郎\uFE00", LocalDate.of(1980, 1, 1));
        CertificateContent content = new CertificateContent("JP0000000004", CertificateType.DOMESTIC, unusual, null,
                CertificateFixtures.doses(1), CertificateFixtures.BUNKYO, CertificateFixtures.ISSUED);
        assertFalse(PrintingFixtures.font().hasGlyph(0x1F600));
        String text = text(renderer.render(fixtures.sign(content)));
        assertTrue(text.contains("山田〓"), text);
        assertTrue(text.contains("太〓郎"), text);
    }

    @Test
    void aNameCharacterOnlyTheNameFontHasPrintsAsItselfOnBothCertificates() throws IOException {
        CertificateRenderer withNames = new CertificateRenderer(PrintingFixtures.fontWithNames());
        Person mj = new Person("𠮷野", "髙﨑", LocalDate.of(1980, 1, 1)); // 𠮷 U+20BB7: supplementary plane
        for (CertificateContent base : List.of(CertificateFixtures.domestic(2), CertificateFixtures.overseas(2))) {
            CertificateContent content = new CertificateContent(base.certificateId(), base.type(), mj, base.passport(),
                    base.doses(), base.authority(), base.issueDate());
            byte[] pdf = withNames.render(fixtures.sign(content));
            String text = text(pdf);
            assertTrue(text.contains("𠮷野"), text);
            assertTrue(text.contains("髙﨑"), text);
            assertFalse(text.contains("〓"), text);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDFont names = document.getPage(0).getResources().getFont(COSName.getPDFName("F2"));
                assertTrue(names != null && names.isEmbedded(), "the name font is embedded");
            }
        }
    }

    @Test
    void aFormerSurnamePrintsBesideTheNameAsThePassportShowsItAndStaysOutOfTheQrCodes() throws IOException {
        Person former = new Person("山田", "太郎", LocalDate.of(1980, 1, 1), false,
                new AlternativeName(AlternativeName.Kind.FORMER_SURNAME, "佐藤", "SATO"));
        for (CertificateContent base : List.of(CertificateFixtures.domestic(2), CertificateFixtures.overseas(2))) {
            CertificateContent content = new CertificateContent(base.certificateId(), base.type(), former, base.passport(),
                    base.doses(), base.authority(), base.issueDate());
            SignedCertificate signed = fixtures.sign(content);
            String text = text(renderer.render(signed));
            assertTrue(text.contains("太郎（旧姓 佐藤）"), text);
            if (base.passport() != null) {
                assertTrue(text.contains("YAMADA (SATO) TARO"), text);
                assertTrue(signed.vdsNc().contains("\"YAMADA TARO\""), "the VDS-NC name is the passport's MRZ name");
                assertFalse(signed.vdsNc().contains("SATO") || signed.vdsNc().contains("佐藤"));
            }
        }
    }

    @Test
    void variantKanjiPrintsWithoutQrCodes() throws IOException {
        CertificateContent content = variant(CertificateFixtures.overseas(2));
        byte[] pdf = renderer.render(fixtures.sign(content));
        String text = text(pdf);
        assertTrue(text.contains("二次元コードを記載していません"));
        assertTrue(text.contains("carries no QR code"));
        assertTrue(new QrScanner(150).scanPdf(pdf).isEmpty());
    }

    @Test
    void aPayloadTooLargeForItsQrIsAClearErrorBeforeAnyPage() {
        String tooLong = "eyJ" + "A".repeat(1300) + ".x.y";
        CertificateContent content = CertificateFixtures.domestic(1);
        assertThrows(QrCapacityException.class,
                () -> renderer.render(new SignedCertificate(content, tooLong, null)));
    }

    @Test
    void oneFontServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                SignedCertificate certificate = fixtures.sign(i % 2 == 0 ? CertificateFixtures.domestic(1 + i % 4)
                        : CertificateFixtures.overseas(1 + i % 4));
                results.add(pool.submit(() -> text(renderer.render(certificate))));
            }
            for (Future<String> result : results) {
                String text = result.get();
                assertTrue(text.contains("山田") && text.contains("文京区長") && text.contains("FA1234"), text);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static CertificateContent variant(CertificateContent content) {
        Person person = content.person();
        return new CertificateContent(content.certificateId(), content.type(),
                new Person(person.familyName(), person.givenName(), person.birthDate(), true), content.passport(),
                content.doses(), content.authority(), content.issueDate());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
