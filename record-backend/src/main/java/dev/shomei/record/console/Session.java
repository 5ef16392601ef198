package dev.shomei.record.console;

import dev.shomei.record.users.Role;
import dev.shomei.record.users.Scope;
import java.time.Instant;
import java.util.Arrays;

/**
 * One console session. {@link Stage#ENROLLING} sessions (initial password accepted, TOTP not yet
 * set up) reach nothing but the enrolment page; they hold the new TOTP secret until it is confirmed.
 */
final class Session {
    enum Stage { ENROLLING, FULL }

    private final String id;
    private final String userId;
    private final Role role;
    private final Scope scope;
    private final String csrfToken;
    private final Stage stage;
    private final Instant createdAt;
    private final byte[] enrolmentSecret;
    private volatile Instant lastUsed;
    private volatile int enrolmentFailures;

    Session(String id, String userId, Role role, Scope scope, String csrfToken, Stage stage, Instant createdAt,
            byte[] enrolmentSecret) {
        this.id = id;
        this.userId = userId;
        this.role = role;
        this.scope = scope;
        this.csrfToken = csrfToken;
        this.stage = stage;
        this.createdAt = createdAt;
        this.enrolmentSecret = enrolmentSecret;
        this.lastUsed = createdAt;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    Role role() {
        return role;
    }

    Scope scope() {
        return scope;
    }

    String csrfToken() {
        return csrfToken;
    }

    Stage stage() {
        return stage;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    byte[] enrolmentSecret() {
        return enrolmentSecret;
    }

    int enrolmentFailed() {
        return ++enrolmentFailures;
    }

    /** Wipes the enrolment secret (session ended or enrolment done). */
    void wipe() {
        if (enrolmentSecret != null) {
            Arrays.fill(enrolmentSecret, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "Session[" + userId + ", " + role + ", " + stage + "]";
    }
}
