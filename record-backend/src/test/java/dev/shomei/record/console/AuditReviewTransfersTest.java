package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.protocol.ServiceRules;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monthly review counts the residents export as an export and a take-over of doses as a change. */
class AuditReviewTransfersTest {
    @Test
    void theResidentsExportIsAnExportAndATakeOverIsAChange() {
        List<AuditEntry> entries = List.of(
                new AuditEntry("131041", 1, LocalDateTime.parse("2025-04-01T10:00:00").atZone(ServiceRules.ZONE).toInstant(),
                        "CLERK", "dora", "127.0.0.1", "EXPORT_RESIDENTS", "municipality", "131041", "OK", "residents=1"),
                new AuditEntry("131041", 2, LocalDateTime.parse("2025-04-01T10:05:00").atZone(ServiceRules.ZONE).toInstant(),
                        "CLERK", "dora", "127.0.0.1", "TAKE_OVER_DOSES", "resident", "r1", "OK", "doses=1"));
        AuditReview review = AuditReview.of(entries, LocalTime.of(8, 30), LocalTime.of(17, 30), 20);
        assertEquals(new AuditReview.UserSummary("dora", 0, 0, 0, 0, 0, 1, 1, 0), review.users().getFirst());
        assertEquals(1, review.bulk().getFirst().exports(), "an export day is listed for the review");
    }
}
