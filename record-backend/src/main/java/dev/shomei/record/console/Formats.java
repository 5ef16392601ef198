package dev.shomei.record.console;

import dev.shomei.protocol.ServiceRules;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Times as Japan local time, the way the clerks read them. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ServiceRules.ZONE);

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
