package dev.shomei.center.console.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions in memory: 256-bit random ids, an idle timeout and an absolute lifetime. A
 * login always creates a fresh id (no session fixation); logout removes it.
 */
public final class SessionStore {
    private final Clock clock;
    private final SecureRandom random;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    public SessionStore(Clock clock, SecureRandom random, Duration idleTimeout, Duration maxLifetime) {
        this.clock = clock;
        this.random = random;
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
    }

    public Session create(OperatorAccount account) {
        Session session = new Session(token(), account.username(), account.role(), token(), clock.instant(),
                account.credentialStamp());
        sessions.put(session.id(), new Entry(session, clock.instant()));
        return session;
    }

    /** The live session with this id, touching its idle timer (an operator's own request). */
    public Optional<Session> find(String id) {
        return find(id, true);
    }

    /**
     * The live session with this id; {@code touch} resets its idle timer. Only what the operator does
     * touches it: the board's stream and other automatic requests look without touching, so an
     * unattended open board still times out.
     */
    public Optional<Session> find(String id, boolean touch) {
        if (id == null) {
            return Optional.empty();
        }
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(entry.lastUsed.plus(idleTimeout)) || now.isAfter(entry.session.createdAt().plus(maxLifetime))) {
            sessions.remove(id);
            return Optional.empty();
        }
        if (touch) {
            entry.lastUsed = now;
        }
        return Optional.of(entry.session);
    }

    public void invalidate(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of {@code username} (account disabled, demoted, expired, password or TOTP changed). */
    public void invalidateUser(String username) {
        sessions.values().removeIf(entry -> entry.session.username().equals(username));
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public int size() {
        return sessions.size();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final class Entry {
        private final Session session;
        private volatile Instant lastUsed;

        private Entry(Session session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }
}
