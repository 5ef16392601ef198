package dev.shomei.record.console;

import dev.shomei.record.users.ClerkUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: 256-bit random ids, an idle timeout and an absolute lifetime. A login always
 * creates a new id (no session fixation: an id from before the login is never promoted); logout and
 * disabling the user end it. A restart logs everybody out, which is acceptable for a clerk console.
 */
final class SessionStore {
    private static final int MAX_SESSIONS = 10_000;

    private final Clock clock;
    private final SecureRandom random;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SessionStore(Clock clock, SecureRandom random, Duration idleTimeout, Duration maxLifetime) {
        this.clock = clock;
        this.random = random;
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
    }

    Session create(ClerkUser user, Session.Stage stage, byte[] enrolmentSecret) {
        if (sessions.size() >= MAX_SESSIONS) {
            expireIdle();
        }
        Session session = new Session(token(), user.id(), user.role(), user.scope(), token(), stage, clock.instant(),
                enrolmentSecret);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, touching its idle timer; expired ones are removed. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            invalidate(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    void invalidate(String id) {
        if (id != null) {
            Session removed = sessions.remove(id);
            if (removed != null) {
                removed.wipe();
            }
        }
    }

    /** Ends every session of the user (disabled, credentials reset). */
    void invalidateUser(String userId) {
        sessions.values().removeIf(session -> {
            if (session.userId().equals(userId)) {
                session.wipe();
                return true;
            }
            return false;
        });
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    int size() {
        return sessions.size();
    }

    private boolean expired(Session session, Instant now) {
        return now.isAfter(session.lastUsed().plus(idleTimeout)) || now.isAfter(session.createdAt().plus(maxLifetime));
    }

    private void expireIdle() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
    }

    String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
