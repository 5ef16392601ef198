package dev.shomei.center.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCalendarTest {
    private static final MunicipalityInfo BUNKYO = new MunicipalityInfo("131059", "文京区", "Bunkyo City", 120,
            ServiceCalendar.DEFAULT_OPENS, ServiceCalendar.DEFAULT_CLOSES, Set.of(CertificateType.DOMESTIC));

    @TempDir
    Path dir;

    private static ServiceCalendar at(String japanTime, List<MaintenanceWindow> windows) {
        LocalDateTime local = LocalDateTime.parse(japanTime);
        Clock clock = Clock.fixed(local.atZone(ServiceRules.ZONE).toInstant(), ServiceRules.ZONE);
        return new ServiceCalendar(clock, () -> windows);
    }

    @Test
    void defaultHoursAreJapanTimeFrom0630To2300() {
        assertFalse(at("2025-05-01T06:29", List.of()).isOpen(BUNKYO));
        assertTrue(at("2025-05-01T06:30", List.of()).isOpen(BUNKYO));
        assertTrue(at("2025-05-01T22:59", List.of()).isOpen(BUNKYO));
        assertFalse(at("2025-05-01T23:00", List.of()).isOpen(BUNKYO));
        assertFalse(at("2025-05-01T03:00", List.of()).isOpen(BUNKYO));
    }

    @Test
    void theClockZoneDoesNotMatterOnlyTheInstant() {
        // 21:30 UTC on 30 April is 06:30 on 1 May in Tokyo
        Clock utc = Clock.fixed(java.time.Instant.parse("2025-04-30T21:30:00Z"), java.time.ZoneOffset.UTC);
        assertTrue(new ServiceCalendar(utc, List::of).isOpen(BUNKYO));
    }

    @Test
    void maintenanceStopsOneMunicipalityOrAll() {
        MaintenanceWindow bunkyoOnly = new MaintenanceWindow(LocalDateTime.parse("2025-05-01T10:00"),
                LocalDateTime.parse("2025-05-01T11:00"), "131059", "VRS upgrade");
        MaintenanceWindow everyone = new MaintenanceWindow(LocalDateTime.parse("2025-05-02T10:00"),
                LocalDateTime.parse("2025-05-02T11:00"), "", "");
        MunicipalityInfo other = new MunicipalityInfo("131016", "千代田区", "Chiyoda City", 200,
                LocalTime.of(6, 30), LocalTime.of(23, 0), Set.of(CertificateType.DOMESTIC));
        List<MaintenanceWindow> windows = List.of(bunkyoOnly, everyone);

        assertFalse(at("2025-05-01T10:00", windows).isOpen(BUNKYO));
        assertTrue(at("2025-05-01T10:00", windows).isOpen(other));
        assertTrue(at("2025-05-01T11:00", windows).isOpen(BUNKYO), "the end is exclusive");
        assertFalse(at("2025-05-02T10:30", windows).isOpen(other));
        assertEquals(Duration.ofMinutes(30), at("2025-05-02T10:30", windows).untilOpen(other));
    }

    @Test
    void untilOpenPointsAtTheNextOpening() {
        assertEquals(Duration.ofMinutes(90), at("2025-05-01T05:00", List.of()).untilOpen(BUNKYO));
        assertEquals(Duration.ZERO, at("2025-05-01T12:00", List.of()).untilOpen(BUNKYO));
    }

    @Test
    void scheduleFileKeepsWindowsAndDropsFinishedOnes() {
        MaintenanceSchedule schedule = new MaintenanceSchedule(dir.resolve("maintenance.json"));
        schedule.add(new MaintenanceWindow(LocalDateTime.parse("2025-05-01T01:00"),
                LocalDateTime.parse("2025-05-01T02:00"), "", "old"));
        schedule.add(new MaintenanceWindow(LocalDateTime.parse("2025-06-01T01:00"),
                LocalDateTime.parse("2025-06-01T02:00"), "131059", "new"));
        MaintenanceSchedule reopened = new MaintenanceSchedule(dir.resolve("maintenance.json"));
        assertEquals(2, reopened.windows().size());

        reopened.pruneOver(LocalDateTime.parse("2025-05-15T00:00"));
        assertEquals(List.of("new"), schedule.windows().stream().map(MaintenanceWindow::note).toList(),
                "the other instance sees the change");
    }

    @Test
    void windowsMustBeWellFormed() {
        LocalDateTime t = LocalDateTime.parse("2025-05-01T01:00");
        assertThrows(IllegalArgumentException.class, () -> new MaintenanceWindow(t, t, "", ""));
        assertThrows(IllegalArgumentException.class, () -> new MaintenanceWindow(t, t.plusHours(1), "1310", ""));
    }
}
