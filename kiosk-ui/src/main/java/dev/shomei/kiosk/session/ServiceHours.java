package dev.shomei.kiosk.session;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.time.Clock;
import java.time.LocalTime;

/** Whether a municipality issues now: its service hours are Japan time, read off the kiosk's clock. */
final class ServiceHours {
    private final Clock clock;

    ServiceHours(Clock clock) {
        this.clock = clock;
    }

    boolean isOpen(MunicipalityInfo municipality) {
        return municipality.isOpenAt(LocalTime.ofInstant(clock.instant(), ServiceRules.ZONE));
    }
}
