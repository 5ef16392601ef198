package dev.shomei.center.console.auth;

import java.time.Instant;

/**
 * A logged-in console session. {@code id} travels only in the session cookie; {@code csrfToken} is
 * handed to the page and must come back in the {@code X-CSRF-Token} header of every change.
 * {@code credentialStamp} fingerprints the account's password hash and TOTP secret at login: when
 * either changes, the session no longer matches the account and ends (see {@link LiveSessions}).
 */
public record Session(String id, String username, Role role, String csrfToken, Instant createdAt,
        String credentialStamp) {
    @Override
    public String toString() {
        return "Session[" + username + ", " + role + "]";
    }
}
