package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ServiceRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditReviewTest {
    private static Instant japan(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ServiceRules.ZONE).toInstant();
    }

    private static AuditEntry entry(long seq, String at, String user, String action, String target, String outcome) {
        return new AuditEntry("131059", seq, japan(at), "CLERK", user, "127.0.0.1", action, "resident", target, outcome, null);
    }

    @Test
    void countsPerUserFlagsAfterHoursAndBulkViewing() {
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(entry(1, "2025-04-01T09:00:00", "alice", "LOGIN", "alice", "OK")); // Tuesday
        entries.add(entry(2, "2025-04-01T09:01:00", "alice", "SEARCH_ISSUANCES", "131059", "OK"));
        entries.add(entry(3, "2025-04-01T09:02:00", "alice", "VIEW_RESIDENT", "r1", "OK"));
        entries.add(entry(4, "2025-04-01T09:03:00", "alice", "VIEW_RESIDENT", "r1", "OK"));
        entries.add(entry(5, "2025-04-01T22:00:00", "bob", "LOGIN", "bob", "REFUSED"));
        entries.add(entry(6, "2025-04-05T10:00:00", "bob", "EXPORT", "131059", "OK")); // Saturday
        for (int i = 0; i < 25; i++) {
            entries.add(entry(10 + i, "2025-04-02T10:" + String.format("%02d", i) + ":00", "carol", "VIEW_RESIDENT", "r" + i, "OK"));
        }
        entries.add(entry(40, "2025-04-02T10:59:00", "carol", "VIEW_RESIDENT", "elsewhere", "NO_RECORD"));
        entries.add(entry(41, "2025-04-02T11:00:00", "carol", "CORRECT_DOSE", "r1", "OK"));
        AuditReview review = AuditReview.of(entries, LocalTime.of(8, 30), LocalTime.of(17, 30), 20);

        AuditReview.UserSummary alice = review.users().stream().filter(u -> u.userId().equals("alice")).findFirst().orElseThrow();
        assertEquals(new AuditReview.UserSummary("alice", 1, 0, 1, 2, 1, 0, 0, 0), alice);
        AuditReview.UserSummary bob = review.users().stream().filter(u -> u.userId().equals("bob")).findFirst().orElseThrow();
        assertEquals(1, bob.refusedLogins());
        assertEquals(2, bob.afterHours(), "22:00 and a Saturday");
        AuditReview.UserSummary carol = review.users().stream().filter(u -> u.userId().equals("carol")).findFirst().orElseThrow();
        assertEquals(25, carol.distinctResidents(), "a refused view is not a resident seen");
        assertEquals(1, carol.changes());
        assertEquals(List.of(5L, 6L), review.afterHours().stream().map(AuditEntry::seq).toList());
        assertTrue(review.bulk().contains(new AuditReview.BulkDay("carol", LocalDate.of(2025, 4, 2), 25, 0)));
        assertTrue(review.bulk().contains(new AuditReview.BulkDay("bob", LocalDate.of(2025, 4, 5), 0, 1)));
        assertFalse(review.bulk().stream().anyMatch(day -> day.userId().equals("alice")));
    }

    @Test
    void officeHoursBoundaries() {
        LocalTime opens = LocalTime.of(8, 30);
        LocalTime closes = LocalTime.of(17, 30);
        assertTrue(AuditReview.isAfterHours(LocalDateTime.parse("2025-04-01T08:29:59"), opens, closes));
        assertFalse(AuditReview.isAfterHours(LocalDateTime.parse("2025-04-01T08:30:00"), opens, closes));
        assertTrue(AuditReview.isAfterHours(LocalDateTime.parse("2025-04-01T17:30:00"), opens, closes));
        assertTrue(AuditReview.isAfterHours(LocalDateTime.parse("2025-04-06T12:00:00"), opens, closes), "Sunday");
    }
}
