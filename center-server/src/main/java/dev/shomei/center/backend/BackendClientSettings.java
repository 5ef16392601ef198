package dev.shomei.center.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the center talks to the record backend.
 *
 * @param attemptTimeout one attempt, from connect to the last byte of the answer
 * @param attempts       tries for a call that failed for want of an answer (never for a refusal)
 * @param backoff        pause before a retry (doubled each time)
 * @param deadline       the whole call, retries included: after it, BACKEND_UNAVAILABLE
 */
public record BackendClientSettings(URI baseUri, Duration attemptTimeout, int attempts, Duration backoff,
                                    Duration deadline) {
    public BackendClientSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("the backend link is HTTPS only");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(deadline, "deadline");
    }

    public static BackendClientSettings defaults(URI baseUri) {
        return new BackendClientSettings(baseUri, Duration.ofSeconds(3), 3, Duration.ofMillis(200), Duration.ofSeconds(8));
    }
}
