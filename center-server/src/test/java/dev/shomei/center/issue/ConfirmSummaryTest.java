package dev.shomei.center.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmSummaryTest {
    @Test
    void anOverseasSummaryShowsThePassportDataOnFile() {
        CertificateSummary summary = ConfirmSummary.of(CertificateFixtures.overseas(2));
        assertEquals("YAMADA TARO", summary.nameLatin());
        assertEquals("JPN", summary.nationality());
        assertEquals("TK0000000", summary.passportNumber());
    }

    @Test
    void aDomesticSummaryHasNoPassportData() {
        CertificateSummary summary = ConfirmSummary.of(CertificateFixtures.domestic(2));
        assertEquals("", summary.nameLatin());
        assertEquals("", summary.nationality());
        assertEquals("", summary.passportNumber());
    }

    @Test
    void theConfirmScreenShowsTheDosesTheCertificateStates() {
        CertificateContent content = CertificateContent.fromRecords("JP0000000007", CertificateType.DOMESTIC,
                CertificateFixtures.YAMADA, null, CertificateFixtures.doses(7), CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED);
        assertEquals(List.of(3, 4, 5, 6, 7),
                ConfirmSummary.of(content).doses().stream().map(DoseSummary::doseNumber).toList());
    }
}
