package dev.shomei.record.issue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.record.domain.MunicipalityCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateIdsTest {

    @Test
    void idsAreTwelveCharactersStartingWithTheMunicipalityAndFitTheUvci() {
        CertificateIds ids = new CertificateIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next(MunicipalityCode.of("131059"));
            assertTrue(id.matches("13105[0-9A-HJKMNP-TV-Z]{7}"), id);
            seen.add(id);
        }
        assertTrue(seen.size() > 9_990, "random enough: " + seen.size());
    }
}
