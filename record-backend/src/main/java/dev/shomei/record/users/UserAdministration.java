package dev.shomei.record.users;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.Tx;
import dev.shomei.record.db.UniqueViolationException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * User administration as the seed describes it: an administrator issues ids with the least role
 * needed and an expiry, disables them at once on transfer or retirement, records the named people
 * and terminals of a shared id, and reviews the list of ids and rights periodically. An
 * administrator acts only on ids inside their own scope and cannot grant a wider one. Every action
 * is audited in the same transaction; nothing here touches residents.
 */
public final class UserAdministration {
    /** The longest an id may be issued for. */
    public static final int MAX_VALIDITY_YEARS = 3;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** A new id and its initial password, shown once to the administrator. */
    public record Issued(ClerkUser user, String initialPassword) {
        @Override
        public String toString() {
            return "Issued[" + user.id() + "]";
        }
    }

    private final Database database;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final SecureRandom random;
    private final Clock clock;
    private final UserRepository users = new UserRepository();
    private final RoleChanges roleChanges;

    public UserAdministration(Database database, AuditLog audit, PasswordHasher hasher, SecureRandom random, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
        this.roleChanges = new RoleChanges(database, audit, clock);
    }

    /** Role changes waiting for a second administrator, and their approval. */
    public RoleChanges roleChanges() {
        return roleChanges;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ServiceRules.ZONE);
    }

    /** The ids inside the administrator's scope, with their rights. */
    public List<ClerkUser> list(Actor actor) {
        actor.require(Permission.MANAGE_USERS);
        return database.read(tx -> users.all(tx)).stream().filter(user -> actor.scope().covers(user.scope())).toList();
    }

    /** One id inside the administrator's scope. */
    public ClerkUser find(Actor actor, String id) {
        actor.require(Permission.MANAGE_USERS);
        return database.read(tx -> visible(tx, actor, id));
    }

    public Issued create(Actor actor, NewUser request) {
        actor.require(Permission.MANAGE_USERS);
        if (!UserIds.isValid(request.id())) {
            throw invalid("id must be 3..32 of a-z 0-9 . _ - starting with a letter or digit");
        }
        if (request.role() == null || request.scope() == null) {
            throw invalid("role and scope are required");
        }
        if (!request.role().accepts(request.scope())) {
            throw invalid("role " + request.role() + " cannot have scope " + request.scope());
        }
        if (!actor.scope().covers(request.scope())) {
            throw new Actor.ForbiddenException("scope " + request.scope());
        }
        ClerkUser user = new ClerkUser(request.id(), text("display name", request.displayName(), 64, true), request.role(),
                request.scope(), expiry(request.expiresOn()), true, null, null, request.shared(),
                shared(request.shared(), "people", request.sharedPeople()),
                shared(request.shared(), "terminals", request.sharedTerminals()), 0, null, actor.userId(),
                clock.instant(), null);
        String password = initialPassword();
        String hash = hasher.hash(password.toCharArray());
        try {
            database.write(tx -> {
                users.insert(tx, user, hash);
                append(tx, actor, "CREATE_USER", user, "role=" + user.role() + " scope=" + user.scope()
                        + " expires=" + user.expiresOn() + " shared=" + user.shared());
                return null;
            });
        } catch (UniqueViolationException e) {
            throw invalid("the id " + request.id() + " exists already");
        }
        return new Issued(database.read(tx -> users.find(tx, user.id())).orElseThrow(), password);
    }

    /**
     * Changes name, expiry and shared-id details at once (the previous values go to the audit log); a
     * different role is only proposed: it applies when a second administrator approves it
     * ({@link RoleChanges}). The returned user keeps the current role.
     */
    public ClerkUser update(Actor actor, String id, String displayName, Role role, LocalDate expiresOn, boolean shared,
                            String sharedPeople, String sharedTerminals) {
        actor.require(Permission.MANAGE_USERS);
        try {
            return updateDetails(actor, id, displayName, role, expiresOn, shared, sharedPeople, sharedTerminals);
        } catch (UniqueViolationException e) {
            throw new RoleChanges.Refused(RoleChanges.Refused.Why.WAITING); // a second proposal raced this one
        }
    }

    private ClerkUser updateDetails(Actor actor, String id, String displayName, Role role, LocalDate expiresOn,
                                    boolean shared, String sharedPeople, String sharedTerminals) {
        return database.write(tx -> {
            ClerkUser before = visible(tx, actor, id);
            if (role == null || !role.accepts(before.scope())) {
                throw invalid("role " + role + " cannot have scope " + before.scope());
            }
            if (id.equals(actor.userId()) && role != before.role()) {
                // an administrator never sees residents; taking a reading role must need a second administrator
                throw new RoleChanges.Refused(RoleChanges.Refused.Why.OWN_ROLE);
            }
            ClerkUser after = new ClerkUser(id, text("display name", displayName, 64, true), before.role(), before.scope(),
                    expiry(expiresOn), before.mustEnrol(), before.disabledAt(), before.disabledReason(), shared,
                    shared(shared, "people", sharedPeople), shared(shared, "terminals", sharedTerminals),
                    before.failedLogins(), before.lockedUntil(), before.createdBy(), before.createdAt(), before.lastLoginAt());
            users.update(tx, after);
            append(tx, actor, "UPDATE_USER", after, "previous: role=" + before.role() + " expires=" + before.expiresOn()
                    + " shared=" + before.shared() + (before.shared() ? " people=[" + before.sharedPeople()
                    + "] terminals=[" + before.sharedTerminals() + "]" : "") + "; now: role=" + after.role()
                    + " expires=" + after.expiresOn() + " shared=" + after.shared());
            if (role != before.role()) {
                roleChanges.propose(tx, actor, before, role);
            }
            return users.find(tx, id).orElseThrow();
        });
    }

    /** Disables the id at once (its sessions end: the console checks the id on every request). */
    public void disable(Actor actor, String id, DisableReason reason) {
        actor.require(Permission.MANAGE_USERS);
        if (reason == null) {
            throw invalid("a reason is required");
        }
        if (id.equals(actor.userId())) {
            throw invalid("an administrator cannot disable their own id");
        }
        database.write(tx -> {
            ClerkUser user = visible(tx, actor, id);
            users.disable(tx, id, reason, clock.instant());
            append(tx, actor, "DISABLE_USER", user, "reason=" + reason + " previous=" + (user.disabled() ? "DISABLED" : "ENABLED"));
            return null;
        });
    }

    public void enable(Actor actor, String id) {
        actor.require(Permission.MANAGE_USERS);
        database.write(tx -> {
            ClerkUser user = visible(tx, actor, id);
            if (user.expired(today())) {
                throw invalid("the id has expired: extend it first");
            }
            users.enable(tx, id);
            append(tx, actor, "ENABLE_USER", user, "previous=" + (user.disabled() ? "DISABLED reason=" + user.disabledReason() : "ENABLED"));
            return null;
        });
    }

    /** A new initial password (shown once); the user enrols TOTP again at the next login. */
    public String resetCredentials(Actor actor, String id) {
        actor.require(Permission.MANAGE_USERS);
        String password = initialPassword();
        String hash = hasher.hash(password.toCharArray());
        database.write(tx -> {
            ClerkUser user = visible(tx, actor, id);
            users.resetCredentials(tx, id, hash);
            append(tx, actor, "RESET_CREDENTIALS", user, null);
            return null;
        });
        return password;
    }

    /** Records that the administrator reviewed the list of ids and rights (the periodic check). */
    public void recordReview(Actor actor, int listed) {
        actor.require(Permission.MANAGE_USERS);
        database.write(tx -> audit.append(tx, new AuditEvent("CLERK", actor.userId(), actor.source(), "REVIEW_USERS",
                actor.scope().municipality().orElse(null), "scope", actor.scope().value(), "OK", "listed=" + listed)));
    }

    /**
     * Issues an id from the command line (the operator of the installation, e.g. the first
     * administrator): like {@link #create} but without a console actor; the id enrols TOTP at its
     * first login. Audited as actor type OPERATOR.
     */
    public Issued bootstrap(NewUser request, String operator) {
        if (!UserIds.isValid(request.id()) || request.role() == null || request.scope() == null
                || !request.role().accepts(request.scope())) {
            throw invalid("bad id, role or scope");
        }
        ClerkUser user = new ClerkUser(request.id(), text("display name", request.displayName(), 64, true), request.role(),
                request.scope(), expiry(request.expiresOn()), true, null, null, false, null, null, 0, null, operator,
                clock.instant(), null);
        String password = initialPassword();
        String hash = hasher.hash(password.toCharArray());
        try {
            database.write(tx -> {
                users.insert(tx, user, hash);
                audit.append(tx, new AuditEvent("OPERATOR", operator, null, "CREATE_USER", user.municipality().orElse(null),
                        "user", user.id(), "OK", "role=" + user.role() + " scope=" + user.scope() + " expires=" + user.expiresOn()));
                return null;
            });
        } catch (UniqueViolationException e) {
            throw invalid("the id " + request.id() + " exists already");
        }
        return new Issued(user, password);
    }

    /** Every id with its rights (the operator's periodic list, from the command line). */
    public List<ClerkUser> all() {
        return database.read(tx -> users.all(tx));
    }

    /**
     * Creates an enrolled id directly, outside the console: the first administrator of a new
     * installation and the demo users. Returns false when the id exists (nothing changes then).
     */
    public boolean createEnrolled(NewUser request, char[] password, byte[] totpSecret, TotpSecrets secrets, String createdBy) {
        if (!UserIds.isValid(request.id()) || !request.role().accepts(request.scope())) {
            throw invalid("bad id, role or scope");
        }
        ClerkUser user = new ClerkUser(request.id(), text("display name", request.displayName(), 64, true), request.role(),
                request.scope(), request.expiresOn(), true, null, null, request.shared(), request.sharedPeople(),
                request.sharedTerminals(), 0, null, createdBy, clock.instant(), null);
        String hash = hasher.hash(password);
        TotpSecrets.Sealed sealed = secrets.seal(request.id(), totpSecret);
        return database.write(tx -> {
            if (users.find(tx, request.id()).isPresent()) {
                return false;
            }
            users.insert(tx, user, hash);
            users.setEnrolled(tx, user.id(), hash, sealed);
            audit.append(tx, new AuditEvent("OPERATOR", createdBy, null, "CREATE_USER", user.municipality().orElse(null),
                    "user", user.id(), "OK", "role=" + user.role() + " scope=" + user.scope() + " enrolled=true"));
            return true;
        });
    }

    private ClerkUser visible(Tx tx, Actor actor, String id) throws SQLException {
        ClerkUser user = UserIds.isValid(id) ? users.find(tx, id).orElse(null) : null;
        if (user == null || !actor.scope().covers(user.scope())) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "no such user in your scope");
        }
        return user;
    }

    private void append(Tx tx, Actor actor, String action, ClerkUser target, String detail) throws SQLException {
        audit.append(tx, new AuditEvent("CLERK", actor.userId(), actor.source(), action, target.municipality().orElse(null),
                "user", target.id(), "OK", detail));
    }

    private LocalDate expiry(LocalDate expiresOn) {
        LocalDate today = today();
        if (expiresOn == null || expiresOn.isBefore(today) || expiresOn.isAfter(today.plusYears(MAX_VALIDITY_YEARS))) {
            throw invalid("expiry must be between today and " + MAX_VALIDITY_YEARS + " years from now");
        }
        return expiresOn;
    }

    private static String shared(boolean shared, String what, String value) {
        if (!shared) {
            return null;
        }
        return text("shared " + what, value, 500, true);
    }

    /** Trimmed text without control characters, 1..max characters (or null when optional and blank). */
    static String text(String field, String value, int max, boolean required) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                throw invalid(field + " is required");
            }
            return null;
        }
        if (trimmed.length() > max || trimmed.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n')) {
            throw invalid(field + " must be at most " + max + " printable characters");
        }
        return trimmed;
    }

    private String initialPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        password.append('-').append(random.nextInt(10)).append(random.nextInt(10));
        return password.toString();
    }

    private static ShomeiException invalid(String message) {
        return new ShomeiException(ErrorCode.INVALID_REQUEST, message);
    }
}
