package dev.shomei.kiosk.session;

import dev.shomei.protocol.line.MunicipalityInfo;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;

/** Whether a municipality issues now: its service hours are Japan time, read off the kiosk's clock. */
final class ServiceHours {
    /** Municipal service hours are Japan time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private final Clock clock;

    ServiceHours(Clock clock) {
        this.clock = clock;
    }

    boolean isOpen(MunicipalityInfo municipality) {
        return municipality.isOpenAt(LocalTime.ofInstant(clock.instant(), ZONE));
    }
}
