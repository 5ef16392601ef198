package dev.shomei.center.hours;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When kiosks may issue: a municipality's service hours (default 06:30-23:00) in Japan time, minus
 * maintenance windows. The clock is injected so tests can stand at any minute of the day.
 */
public final class ServiceCalendar {
    public static final LocalTime DEFAULT_OPENS = LocalTime.of(6, 30);
    public static final LocalTime DEFAULT_CLOSES = LocalTime.of(23, 0);

    private final Clock clock;
    private final Supplier<List<MaintenanceWindow>> windows;

    public ServiceCalendar(Clock clock, Supplier<List<MaintenanceWindow>> windows) {
        this.clock = clock.withZone(ServiceRules.ZONE);
        this.windows = windows;
    }

    public Clock clock() {
        return clock;
    }

    public LocalDateTime nowInJapan() {
        return LocalDateTime.now(clock);
    }

    /** Open now: inside the municipality's hours and in no maintenance window that covers it. */
    public boolean isOpen(MunicipalityInfo municipality) {
        LocalDateTime now = nowInJapan();
        return municipality.isOpenAt(now.toLocalTime()) && maintenanceAt(municipality.code(), now).isEmpty();
    }

    /** The maintenance window stopping {@code municipalityCode} now, if any. */
    public Optional<MaintenanceWindow> maintenanceNow(String municipalityCode) {
        return maintenanceAt(municipalityCode, nowInJapan());
    }

    /**
     * Roughly how long until {@code municipality} opens again (for the kiosk's "come back at"
     * hint), scanning forward minute by minute for at most two days.
     */
    public Duration untilOpen(MunicipalityInfo municipality) {
        LocalDateTime now = nowInJapan();
        LocalDateTime probe = now.withSecond(0).withNano(0);
        for (int minute = 0; minute <= 2 * 24 * 60; minute++, probe = probe.plusMinutes(1)) {
            if (municipality.isOpenAt(probe.toLocalTime()) && maintenanceAt(municipality.code(), probe).isEmpty()) {
                return minute == 0 ? Duration.ZERO : Duration.between(now, probe);
            }
        }
        return Duration.ofDays(2);
    }

    private Optional<MaintenanceWindow> maintenanceAt(String code, LocalDateTime time) {
        for (MaintenanceWindow window : windows.get()) {
            if (window.covers(code, time)) {
                return Optional.of(window);
            }
        }
        return Optional.empty();
    }
}
