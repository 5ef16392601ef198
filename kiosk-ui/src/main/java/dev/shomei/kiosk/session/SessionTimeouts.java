package dev.shomei.kiosk.session;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each screen waits for the resident (or, on busy screens, for the card, center or
 * printer) before the session ends. Every input resets the wait. {@code reminderInterval} is how
 * often the "take your certificate" reminder repeats. {@code warning} is how long before the end
 * of a wait for the resident the screen counts down and offers more time (WCAG 2.2.1); at most
 * half the wait.
 */
public record SessionTimeouts(Map<SessionState, Duration> byState, Duration reminderInterval, Duration warning) {
    /** The countdown a real kiosk shows before a timeout. */
    public static final Duration DEFAULT_WARNING = Duration.ofSeconds(20);

    public SessionTimeouts(Map<SessionState, Duration> byState, Duration reminderInterval) {
        this(byState, reminderInterval, DEFAULT_WARNING);
    }

    public SessionTimeouts {
        if (warning == null || warning.isNegative()) {
            throw new IllegalArgumentException("warning must not be negative");
        }
        byState = Map.copyOf(Objects.requireNonNull(byState, "byState"));
        for (SessionState state : SessionState.values()) {
            if (state != SessionState.IDLE) {
                Duration timeout = byState.get(state);
                if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                    throw new IllegalArgumentException("a positive timeout is needed for " + state);
                }
            }
        }
        if (reminderInterval == null || reminderInterval.isNegative() || reminderInterval.isZero()) {
            throw new IllegalArgumentException("reminderInterval must be positive");
        }
    }

    /** Defaults for a real kiosk. */
    public static SessionTimeouts defaults() {
        Map<SessionState, Duration> map = new EnumMap<>(SessionState.class);
        for (SessionState state : SessionState.values()) {
            map.put(state, Duration.ofSeconds(60));
        }
        map.remove(SessionState.IDLE);
        map.put(SessionState.CHECKING_CARD, Duration.ofSeconds(20));
        map.put(SessionState.READING, Duration.ofSeconds(30));
        map.put(SessionState.MUNICIPALITY, Duration.ofSeconds(90));
        map.put(SessionState.REQUESTING, Duration.ofSeconds(45));
        map.put(SessionState.CONFIRM, Duration.ofSeconds(90));
        map.put(SessionState.PAYMENT, Duration.ofSeconds(120));
        map.put(SessionState.PRINTING, Duration.ofSeconds(120));
        map.put(SessionState.TAKE_CERTIFICATE, Duration.ofSeconds(90));
        map.put(SessionState.REFUSED, Duration.ofSeconds(30));
        return new SessionTimeouts(map, Duration.ofSeconds(8));
    }

    /** The same timeout for every screen: for tests and demos. */
    public static SessionTimeouts uniform(Duration timeout, Duration reminderInterval) {
        Map<SessionState, Duration> map = new EnumMap<>(SessionState.class);
        for (SessionState state : SessionState.values()) {
            if (state != SessionState.IDLE) {
                map.put(state, timeout);
            }
        }
        return new SessionTimeouts(map, reminderInterval);
    }

    /** The wait on {@code state}; IDLE never times out. */
    public Duration of(SessionState state) {
        return byState.get(state);
    }

    /** How long before the timeout on {@code state} the countdown starts: zero where nobody is asked. */
    public Duration warningOn(SessionState state) {
        if (!state.asksTheResident()) {
            return Duration.ZERO;
        }
        Duration half = of(state).dividedBy(2);
        return warning.compareTo(half) < 0 ? warning : half;
    }
}
