package dev.shomei.center.backend;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the center talks to the record backend: timing for every link, and the shards. The old single
 * {@code backend.url} is one shard named {@code default}; {@code baseUri} is the backend one
 * {@link HttpRecordBackend} talks to (with shards, the first one's first url; each link gets its own
 * copy through {@link #forUri}).
 *
 * @param attemptTimeout one attempt, from connect to the last byte of the answer
 * @param attempts       tries for a call that failed for want of an answer (never for a refusal)
 * @param backoff        pause before a retry (doubled each time)
 * @param deadline       the whole call, retries included: after it, BACKEND_UNAVAILABLE
 * @param shards         the record-backend shards, each with one or more backends (distinct names)
 */
public record BackendClientSettings(URI baseUri, Duration attemptTimeout, int attempts, Duration backoff,
                                    Duration deadline, List<BackendShard> shards) {
    public static final String SINGLE_SHARD = "default";

    /** One backend: one shard named {@value #SINGLE_SHARD}. */
    public BackendClientSettings(URI baseUri, Duration attemptTimeout, int attempts, Duration backoff, Duration deadline) {
        this(baseUri, attemptTimeout, attempts, backoff, deadline, null);
    }

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
        shards = shards == null ? List.of(new BackendShard(SINGLE_SHARD, List.of(baseUri))) : List.copyOf(shards);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("backend.shards is empty");
        }
        Set<String> names = new HashSet<>();
        for (BackendShard shard : shards) {
            if (!names.add(shard.name())) {
                throw new IllegalArgumentException("two backend shards are named " + shard.name());
            }
        }
    }

    /** Several shards (the first one's first url becomes {@code baseUri}). */
    public static BackendClientSettings sharded(List<BackendShard> shards, Duration attemptTimeout, int attempts,
            Duration backoff, Duration deadline) {
        return new BackendClientSettings(shards.getFirst().urls().getFirst(), attemptTimeout, attempts, backoff,
                deadline, shards);
    }

    /** Whether there is more than one backend to talk to (then the center routes: {@link ShardedRecordBackend}). */
    public boolean routed() {
        return shards.size() > 1 || shards.getFirst().urls().size() > 1;
    }

    /** The same timing for the one backend at {@code uri}. */
    public BackendClientSettings forUri(URI uri) {
        return new BackendClientSettings(uri, attemptTimeout, attempts, backoff, deadline);
    }

    public static BackendClientSettings defaults(URI baseUri) {
        return new BackendClientSettings(baseUri, Duration.ofSeconds(3), 3, Duration.ofMillis(200), Duration.ofSeconds(8));
    }
}
