package dev.shomei.protocol.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestDosesTest {
    private static List<Integer> numbers(List<Dose> doses) {
        return doses.stream().map(Dose::number).toList();
    }

    @Test
    void fiveDosesAreAllStatedWithoutTheNote() {
        LatestDoses.Selection selection = LatestDoses.of(CertificateFixtures.doses(5), CertificateFixtures.ISSUED);
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(selection.doses()));
        assertFalse(selection.furtherRecords());
    }

    @Test
    void sixDosesStateTwoToSixWithTheNote() {
        LatestDoses.Selection selection = LatestDoses.of(CertificateFixtures.doses(6), CertificateFixtures.ISSUED);
        assertEquals(List.of(2, 3, 4, 5, 6), numbers(selection.doses()));
        assertTrue(selection.furtherRecords());
    }

    @Test
    void sevenDosesStateThreeToSevenByTheirRealNumbersWhateverTheOrder() {
        List<Dose> shuffled = new ArrayList<>(CertificateFixtures.doses(7));
        Collections.reverse(shuffled);
        LatestDoses.Selection selection = LatestDoses.of(shuffled, CertificateFixtures.ISSUED);
        assertEquals(List.of(3, 4, 5, 6, 7), numbers(selection.doses()));
        assertEquals(CertificateFixtures.doses(7).get(2), selection.doses().getFirst(), "the dose itself, unchanged");
        assertTrue(selection.furtherRecords());
    }

    @Test
    void theLimitStartsOnTheNineteenthOfJune2023() {
        List<Dose> seven = CertificateFixtures.doses(7);
        assertEquals(7, LatestDoses.of(seven, LocalDate.of(2023, 6, 18)).doses().size(), "before: every dose");
        assertFalse(LatestDoses.of(seven, LocalDate.of(2023, 6, 18)).furtherRecords());
        assertEquals(5, LatestDoses.of(seven, LocalDate.of(2023, 6, 19)).doses().size(), "from that day: five");
    }

    @Test
    void theContentBuiltFromRecordsCarriesTheSelectionAndTheNoteFlag() {
        CertificateContent content = CertificateContent.fromRecords("JP0000000007", CertificateType.DOMESTIC,
                CertificateFixtures.YAMADA, null, CertificateFixtures.doses(7), CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED);
        assertEquals(List.of(3, 4, 5, 6, 7), numbers(content.doses()));
        assertTrue(content.furtherRecords());
        assertFalse(CertificateFixtures.domestic(7).furtherRecords(), "the plain constructor states what it is given");
    }
}
