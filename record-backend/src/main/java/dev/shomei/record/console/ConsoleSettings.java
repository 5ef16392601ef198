package dev.shomei.record.console;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Console settings.
 *
 * @param idleTimeout       a session ends after this long without a request
 * @param maxLifetime       and at the latest this long after login
 * @param officeOpens       accesses before this (Japan time) count as after-hours in the review
 * @param officeCloses      accesses after this count as after-hours (weekends and holidays always do)
 * @param bulkViewThreshold viewing more distinct residents than this on one day is flagged as bulk viewing
 * @param searchLimit       the most rows a search page shows
 */
public record ConsoleSettings(Duration idleTimeout, Duration maxLifetime, LocalTime officeOpens, LocalTime officeCloses,
                              int bulkViewThreshold, int searchLimit) {

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Duration.ofMinutes(15), Duration.ofHours(8), LocalTime.of(8, 30), LocalTime.of(17, 30),
                20, 200);
    }
}
