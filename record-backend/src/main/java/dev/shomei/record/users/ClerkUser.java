package dev.shomei.record.users;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One console user id as stored (without password hash and TOTP secret).
 *
 * @param expiresOn       the last day the id works
 * @param mustEnrol       the next login sets up TOTP and replaces the initial password
 * @param sharedPeople    for a shared id (共用ID): the named people who use it
 * @param sharedTerminals for a shared id: the terminals it is used on
 */
public record ClerkUser(
        String id,
        String displayName,
        Role role,
        Scope scope,
        LocalDate expiresOn,
        boolean mustEnrol,
        Instant disabledAt,
        DisableReason disabledReason,
        boolean shared,
        String sharedPeople,
        String sharedTerminals,
        int failedLogins,
        Instant lockedUntil,
        String createdBy,
        Instant createdAt,
        Instant lastLoginAt) {

    public ClerkUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expiresOn, "expiresOn");
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean expired(LocalDate today) {
        return today.isAfter(expiresOn);
    }

    public boolean locked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Whether the id may log in today (not disabled, not expired). */
    public boolean active(LocalDate today) {
        return !disabled() && !expired(today);
    }

    public Optional<dev.shomei.record.domain.MunicipalityCode> municipality() {
        return scope.municipality();
    }
}
