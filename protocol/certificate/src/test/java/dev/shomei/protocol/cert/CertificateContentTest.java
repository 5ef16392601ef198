package dev.shomei.protocol.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateContentTest {
    @Test
    void sortsDosesAndRequiresPassportForOverseas() {
        List<Dose> doses = CertificateFixtures.doses(3);
        CertificateContent content = new CertificateContent("ABC123", CertificateType.DOMESTIC,
                CertificateFixtures.YAMADA, null, List.of(doses.get(2), doses.get(0), doses.get(1)),
                CertificateFixtures.BUNKYO, CertificateFixtures.ISSUED);
        assertEquals(List.of(1, 2, 3), content.doses().stream().map(Dose::number).toList());
        ShomeiException missing = assertThrows(ShomeiException.class, () -> new CertificateContent("ABC123",
                CertificateType.OVERSEAS, CertificateFixtures.YAMADA, null, doses, CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED));
        assertEquals(ErrorCode.INVALID_REQUEST, missing.code());
    }

    @Test
    void errorsNameTheFieldNeverTheValue() {
        ShomeiException e = assertThrows(ShomeiException.class,
                () -> new Passport("yamada", "TARO", "JPN", "TK0000000"));
        assertTrue(e.getMessage().contains("surname"));
        assertFalse(e.getMessage().contains("yamada"));
        assertThrows(ShomeiException.class, () -> new Dose(0, LocalDate.now(),
                VaccineCatalog.standard().byCode("comirnaty").orElseThrow(), "FA1234"));
        assertThrows(ShomeiException.class, () -> new Dose(1, LocalDate.now(),
                VaccineCatalog.standard().byCode("comirnaty").orElseThrow(), "LOT\nX"));
        assertThrows(ShomeiException.class, () -> new CertificateContent("TOO-LONG-ID-1234", CertificateType.DOMESTIC,
                CertificateFixtures.YAMADA, null, CertificateFixtures.doses(1), CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED));
        List<Dose> duplicate = List.of(CertificateFixtures.doses(1).get(0), CertificateFixtures.doses(1).get(0));
        assertThrows(ShomeiException.class, () -> new CertificateContent("A1", CertificateType.DOMESTIC,
                CertificateFixtures.YAMADA, null, duplicate, CertificateFixtures.BUNKYO, CertificateFixtures.ISSUED));
    }

    @Test
    void personalDataStaysOutOfToString() {
        CertificateContent content = CertificateFixtures.overseas(2);
        String text = content + " " + content.person() + " " + content.passport();
        assertFalse(text.contains("山田"));
        assertFalse(text.contains("YAMADA"));
        assertFalse(text.contains("TK0000000"));
    }

    @Test
    void variantKanjiMeansNoQrCodes() {
        Person variant = new Person("髙橋", "太郎", LocalDate.of(1990, 2, 3), true);
        CertificateContent content = new CertificateContent("A1", CertificateType.DOMESTIC, variant, null,
                CertificateFixtures.doses(2), CertificateFixtures.BUNKYO, CertificateFixtures.ISSUED);
        assertFalse(content.hasQrCodes());
        assertThrows(ShomeiException.class, () -> new SignedCertificate(content, "a.b.c", null));
        assertEquals(content, new SignedCertificate(content, null, null).content());
    }

    @Test
    void catalogMapsProductsToCodesAndCanBeExtended() {
        VaccineCatalog catalog = VaccineCatalog.standard();
        assertEquals("207", catalog.byCode("spikevax").orElseThrow().cvx());
        assertEquals("XM5JC5", catalog.byCode("nuvaxovid").orElseThrow().icd11());
        assertEquals("spikevax", catalog.byCvx("207").orElseThrow().code());
        VaccineProduct local = new VaccineProduct("local-x", "ローカル", "ローカル社", "Local", "Local Inc.", "213",
                "XM68M6", "LOCAL");
        VaccineCatalog extended = catalog.with(local);
        assertEquals(local, extended.byCode("local-x").orElseThrow());
        assertTrue(catalog.byCode("local-x").isEmpty());
    }
}
