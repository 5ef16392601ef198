package dev.shomei.record.users;

import dev.shomei.record.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The {@code clerk_user} table. Callers check rights and write the audit entry in the same transaction. */
public final class UserRepository {
    private static final String COLUMNS = "id, display_name, role, scope, expires_on, must_enrol, disabled_at, "
            + "disabled_reason, shared_id, shared_people, shared_terminals, failed_logins, locked_until, created_by, "
            + "created_at, last_login_at";

    /** A user with the secrets the login needs. */
    public record Credentials(ClerkUser user, String passwordHash, TotpSecrets.Sealed totpSecret, long totpLastStep) {
    }

    public void insert(Tx tx, ClerkUser user, String passwordHash) throws SQLException {
        long now = System.currentTimeMillis();
        tx.update("INSERT INTO clerk_user (id, display_name, role, scope, password_hash, must_enrol, expires_on, "
                        + "shared_id, shared_people, shared_terminals, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                user.id(), user.displayName(), user.role().name(), user.scope().value(), passwordHash, true,
                user.expiresOn().toString(), user.shared(), user.sharedPeople(), user.sharedTerminals(),
                user.createdBy(), now, now);
    }

    public Optional<ClerkUser> find(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM clerk_user WHERE id = ?", UserRepository::map, id);
    }

    public Optional<Credentials> credentials(Tx tx, String id) throws SQLException {
        return credentials(tx, id, "");
    }

    /** Like {@link #credentials} with the row locked until the write transaction ends (login races). */
    public Optional<Credentials> credentialsForUpdate(Tx tx, String id) throws SQLException {
        return credentials(tx, id, tx.engine().forUpdate());
    }

    private Optional<Credentials> credentials(Tx tx, String id, String lock) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + ", password_hash, totp_secret_enc, totp_key_alias, totp_last_step "
                + "FROM clerk_user WHERE id = ?" + lock, row -> {
                    byte[] sealed = row.getBytes(18);
                    return new Credentials(map(row), row.getString(17),
                            sealed == null ? null : new TotpSecrets.Sealed(sealed, row.getString(19)), row.getLong(20));
                }, id);
    }

    public List<ClerkUser> all(Tx tx) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM clerk_user ORDER BY scope, id", UserRepository::map);
    }

    public void recordFailure(Tx tx, String id, int failedLogins, Instant lockedUntil) throws SQLException {
        tx.update("UPDATE clerk_user SET failed_logins = ?, locked_until = ?, updated_at = ? WHERE id = ?",
                failedLogins, lockedUntil == null ? 0L : lockedUntil.toEpochMilli(), System.currentTimeMillis(), id);
    }

    public void recordLogin(Tx tx, String id, long totpStep, Instant at) throws SQLException {
        tx.update("UPDATE clerk_user SET failed_logins = 0, locked_until = 0, totp_last_step = ?, last_login_at = ?, "
                + "updated_at = ? WHERE id = ?", totpStep, at.toEpochMilli(), at.toEpochMilli(), id);
    }

    /** Completes enrolment: the user's own password and TOTP secret replace the initial ones. */
    public void completeEnrolment(Tx tx, String id, String passwordHash, TotpSecrets.Sealed secret, long totpStep,
                                  Instant at) throws SQLException {
        tx.update("UPDATE clerk_user SET password_hash = ?, totp_secret_enc = ?, totp_key_alias = ?, totp_last_step = ?, "
                        + "must_enrol = ?, failed_logins = 0, locked_until = 0, last_login_at = ?, updated_at = ? WHERE id = ?",
                passwordHash, secret.ciphertext(), secret.keyAlias(), totpStep, false, at.toEpochMilli(),
                at.toEpochMilli(), id);
    }

    /** Sets password and TOTP secret directly, enrolled (demo users and the first administrator). */
    public void setEnrolled(Tx tx, String id, String passwordHash, TotpSecrets.Sealed secret) throws SQLException {
        tx.update("UPDATE clerk_user SET password_hash = ?, totp_secret_enc = ?, totp_key_alias = ?, must_enrol = ?, "
                        + "updated_at = ? WHERE id = ?",
                passwordHash, secret.ciphertext(), secret.keyAlias(), false, System.currentTimeMillis(), id);
    }

    /** A new initial password; TOTP is enrolled again at the next login. */
    public void resetCredentials(Tx tx, String id, String passwordHash) throws SQLException {
        tx.update("UPDATE clerk_user SET password_hash = ?, totp_secret_enc = NULL, totp_key_alias = NULL, must_enrol = ?, "
                        + "failed_logins = 0, locked_until = 0, updated_at = ? WHERE id = ?",
                passwordHash, true, System.currentTimeMillis(), id);
    }

    public void disable(Tx tx, String id, DisableReason reason, Instant at) throws SQLException {
        tx.update("UPDATE clerk_user SET disabled_at = ?, disabled_reason = ?, updated_at = ? WHERE id = ?",
                at.toEpochMilli(), reason.name(), at.toEpochMilli(), id);
    }

    public void enable(Tx tx, String id) throws SQLException {
        tx.update("UPDATE clerk_user SET disabled_at = NULL, disabled_reason = NULL, failed_logins = 0, locked_until = 0, "
                + "updated_at = ? WHERE id = ?", System.currentTimeMillis(), id);
    }

    /** Name, expiry and shared-id details; the role changes only through {@link #setRole} (an approved change). */
    public void update(Tx tx, ClerkUser user) throws SQLException {
        tx.update("UPDATE clerk_user SET display_name = ?, expires_on = ?, shared_id = ?, shared_people = ?, "
                        + "shared_terminals = ?, updated_at = ? WHERE id = ?",
                user.displayName(), user.expiresOn().toString(), user.shared(), user.sharedPeople(),
                user.sharedTerminals(), System.currentTimeMillis(), user.id());
    }

    /** The role alone: only an approved role change sets it ({@link RoleChanges}). */
    public void setRole(Tx tx, String id, Role role) throws SQLException {
        tx.update("UPDATE clerk_user SET role = ?, updated_at = ? WHERE id = ?", role.name(), System.currentTimeMillis(), id);
    }

    private static ClerkUser map(ResultSet row) throws SQLException {
        long disabledAt = row.getLong(7);
        boolean wasDisabled = !row.wasNull();
        String reason = row.getString(8);
        long lockedUntil = row.getLong(13);
        long lastLogin = row.getLong(16);
        boolean neverLoggedIn = row.wasNull();
        return new ClerkUser(row.getString(1), row.getString(2), Role.valueOf(row.getString(3)), new Scope(row.getString(4)),
                LocalDate.parse(row.getString(5)), row.getBoolean(6), wasDisabled ? Instant.ofEpochMilli(disabledAt) : null,
                reason == null ? null : DisableReason.valueOf(reason), row.getBoolean(9), row.getString(10),
                row.getString(11), row.getInt(12), lockedUntil == 0 ? null : Instant.ofEpochMilli(lockedUntil),
                row.getString(14), Instant.ofEpochMilli(row.getLong(15)), neverLoggedIn ? null : Instant.ofEpochMilli(lastLogin));
    }
}
