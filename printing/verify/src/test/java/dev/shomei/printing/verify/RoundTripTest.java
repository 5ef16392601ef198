package dev.shomei.printing.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.shc.HealthCard;
import dev.shomei.protocol.shc.ShcQrText;
import dev.shomei.protocol.shc.ShcTooLargeException;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcSeal;
import dev.shomei.protocol.vds.VdsNcTooLargeException;
import dev.shomei.protocol.vds.VdsNcVaccination;
import dev.shomei.protocol.vds.VdsNcVerifier;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Render, rasterise, decode the QR codes from pixels, verify the signatures: the same person and doses. */
class RoundTripTest {
    @TempDir
    static Path dir;
    static PrintingFixtures fixtures;
    static CertificateRenderer renderer;
    static SmartHealthCardVerifier shcVerifier;
    static VdsNcVerifier vdsVerifier;

    @BeforeAll
    static void setUp() {
        renderer = new CertificateRenderer(PrintingFixtures.font());
        fixtures = new PrintingFixtures(dir);
        shcVerifier = new SmartHealthCardVerifier(fixtures.jwks());
        vdsVerifier = new VdsNcVerifier(List.of(fixtures.pki().vdsCscaCertificate()));
    }

    @Test
    void domestic() throws Exception {
        CertificateContent content = CertificateFixtures.domestic(3);
        List<ScannedQr> codes = new QrScanner(300).scanPdf(renderer.render(fixtures.sign(content)));
        assertEquals(1, codes.size());
        assertSameCard(content, shcVerifier.verify(ShcQrText.decode(codes.get(0).text())));
    }

    @Test
    void overseas() throws Exception {
        CertificateContent content = CertificateFixtures.overseas(3);
        List<ScannedQr> codes = new QrScanner(300).scanPdf(renderer.render(fixtures.sign(content)));
        assertEquals(2, codes.size(), "the VDS-NC and the SMART Health Card");
        ScannedQr shc = codes.stream().filter(code -> code.text().startsWith("shc:/")).findFirst().orElseThrow();
        ScannedQr vds = codes.stream().filter(code -> code.text().startsWith("{")).findFirst().orElseThrow();
        HealthCard card = shcVerifier.verify(ShcQrText.decode(shc.text()));
        assertSameCard(content, card);
        assertEquals("YAMADA TARO", card.names().get(1).text());
        assertSameSeal(content, vdsVerifier.verify(vds.text()));
    }

    @Test
    void theLargestOverseasCertificateStillScans() throws Exception {
        CertificateContent content = null;
        SignedCertificate signed = null;
        for (int doses = 20; signed == null; doses--) {
            try {
                content = CertificateFixtures.overseas(doses);
                signed = fixtures.sign(content);
            } catch (VdsNcTooLargeException | ShcTooLargeException e) {
                // one dose fewer
            }
        }
        assertTrue(signed.vdsNc().length() > 2700, "a near-capacity seal: " + signed.vdsNc().length());
        List<ScannedQr> codes = new QrScanner().scanPdf(renderer.render(signed));
        assertEquals(2, codes.size());
        ScannedQr vds = codes.stream().filter(code -> code.text().startsWith("{")).findFirst().orElseThrow();
        assertSameSeal(content, vdsVerifier.verify(vds.text()));
    }

    @Test
    void overseasFromAPngAt200Dpi() throws Exception {
        CertificateContent content = CertificateFixtures.overseas(4);
        byte[] pdf = renderer.render(fixtures.sign(content));
        byte[] png;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            png = out.toByteArray();
        }
        List<ScannedQr> codes = new QrScanner().scan(png);
        assertEquals(2, codes.size());
        CertificateVerifier verifier = new CertificateVerifier(shcVerifier, vdsVerifier);
        for (ScannedQr code : codes) {
            Verdict verdict = verifier.verify(code);
            assertTrue(verdict.valid(), verdict.reason());
            assertTrue(verdict.statements().stream().anyMatch(line -> line.contains("1980-01-01")));
        }
    }

    @Test
    void sevenDosesPrintAndEncodeTheLatestFiveWithTheNote() throws Exception {
        List<Dose> recorded = CertificateFixtures.doses(7);
        CertificateContent content = CertificateContent.fromRecords("JP0000000007", CertificateType.OVERSEAS,
                CertificateFixtures.YAMADA, CertificateFixtures.YAMADA_PASSPORT, recorded, CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED);
        assertEquals(List.of(3, 4, 5, 6, 7), content.doses().stream().map(Dose::number).toList());
        byte[] pdf = renderer.render(fixtures.sign(content));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            text = new PDFTextStripper().getText(document);
            if (System.getProperty("shomei.render.png") != null) { // a look at the page: -Dshomei.render.png=FILE
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 90, ImageType.RGB), "png",
                        Path.of(System.getProperty("shomei.render.png")).toFile());
            }
        }
        for (String expected : List.of("3回目", "Dose 3", "7回目", "Dose 7", recorded.get(2).lotNumber(),
                recorded.get(6).lotNumber(), "直近5回分の接種記録", "holds records of earlier doses")) {
            assertTrue(text.contains(expected), "missing: " + expected);
        }
        for (String absent : List.of("1回目", "2回目", recorded.get(0).lotNumber(), recorded.get(1).lotNumber())) {
            assertFalse(text.contains(absent), "printed although left out: " + absent);
        }
        List<ScannedQr> codes = new QrScanner(300).scanPdf(pdf);
        ScannedQr shc = codes.stream().filter(code -> code.text().startsWith("shc:/")).findFirst().orElseThrow();
        ScannedQr vds = codes.stream().filter(code -> code.text().startsWith("{")).findFirst().orElseThrow();
        HealthCard card = shcVerifier.verify(ShcQrText.decode(shc.text()));
        assertSameCard(content, card);
        assertEquals(recorded.get(2).lotNumber(), card.immunizations().get(0).lotNumber());
        VdsNcSeal seal = vdsVerifier.verify(vds.text());
        assertSameSeal(content, seal);
        assertEquals(List.of(3, 4, 5, 6, 7), seal.message().events().stream()
                .map(event -> event.details().get(0).seq()).toList(), "the seal numbers the doses as the paper does");
    }

    @Test
    void fiveDosesPrintWithoutTheNote() throws Exception {
        CertificateContent content = CertificateContent.fromRecords("JP0000000005", CertificateType.DOMESTIC,
                CertificateFixtures.YAMADA, null, CertificateFixtures.doses(5), CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED);
        String text;
        try (PDDocument document = Loader.loadPDF(renderer.render(fixtures.sign(content)))) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains("1回目") && text.contains("5回目"), "every dose of five");
        assertFalse(text.contains("直近5回分"), "no note when nothing is left out");
    }

    static void assertSameCard(CertificateContent content, HealthCard card) {
        assertEquals(PrintingFixtures.ISSUER, card.issuer());
        assertEquals(content.person().familyName(), card.names().get(0).family());
        assertEquals(List.of(content.person().givenName()), card.names().get(0).given());
        assertEquals(content.person().birthDate(), card.birthDate());
        assertEquals(content.doses().size(), card.immunizations().size());
        for (int i = 0; i < content.doses().size(); i++) {
            Dose dose = content.doses().get(i);
            HealthCard.Immunization immunization = card.immunizations().get(i);
            assertEquals(dose.date(), immunization.date());
            assertEquals(dose.product().cvx(), immunization.cvx());
            assertEquals(dose.lotNumber(), immunization.lotNumber());
        }
    }

    static void assertSameSeal(CertificateContent content, VdsNcSeal seal) {
        VdsNcVaccination message = seal.message();
        assertEquals(content.certificateId(), message.uvci());
        assertEquals(content.passport().romanName(), message.name());
        assertEquals(content.passport().number(), message.passportNumber());
        assertEquals(content.person().birthDate(), message.birthDate());
        assertEquals(content.doses().size(), message.events().size());
        for (int i = 0; i < content.doses().size(); i++) {
            Dose dose = content.doses().get(i);
            VdsNcVaccination.Detail detail = message.events().get(i).details().get(0);
            assertEquals(dose.number(), detail.seq());
            assertEquals(dose.date(), detail.date());
            assertEquals(dose.lotNumber(), detail.lot());
            assertEquals(dose.product().vdsName(), message.events().get(i).nam());
        }
    }
}
