package dev.shomei.record.users;

import dev.shomei.consolesecurity.FailureCounter;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.db.Database;
import dev.shomei.record.domain.MunicipalityCode;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Password + TOTP login with lockout. Every refusal looks the same to the caller (no hint which
 * factor was wrong, whether the id exists, is disabled or expired); the audit log records the real
 * reason. A lock is told with its end (issue 18 point 5) without revealing whether the id exists: a
 * typed id that does not exist is locked after as many failures as a real one (in memory, keyed by
 * the id's keyed hash). After {@value #MAX_FAILURES} failures in a row the id is locked for
 * {@link #LOCKOUT}; a client address with {@value #ADDRESS_MAX_FAILURES} refusals (guessing across
 * ids) is refused for {@link #LOCKOUT} as well; a TOTP code works once. The slow password check runs
 * outside any transaction.
 */
public final class Authenticator {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Refusals from one address before it is locked: a few clerks may share one address. */
    public static final int ADDRESS_MAX_FAILURES = 4 * MAX_FAILURES;
    private static final System.Logger LOG = System.getLogger(Authenticator.class.getName());

    /** OK: logged in. ENROL: the initial password was right; TOTP enrolment and a new password come next. */
    public enum Outcome { OK, ENROL, REFUSED }

    /** @param lockedUntil for a refusal: until when the typed id or the address is locked, else null */
    public record Result(Outcome outcome, ClerkUser user, long totpStep, Instant lockedUntil) {
        Result(Outcome outcome, ClerkUser user, long totpStep) {
            this(outcome, user, totpStep, null);
        }

        static Result refused() {
            return new Result(Outcome.REFUSED, null, 0);
        }

        static Result refused(Optional<Instant> lockedUntil) {
            return new Result(Outcome.REFUSED, null, 0, lockedUntil.orElse(null));
        }
    }

    private final Database database;
    private final AuditLog audit;
    private final TotpSecrets secrets;
    private final FailedLoginIds failedIds;
    private final Totp totp;
    private final Clock clock;
    private final UserRepository users = new UserRepository();
    private final FailureCounter addresses = new FailureCounter(ADDRESS_MAX_FAILURES, LOCKOUT);
    /** Typed ids that do not exist (keyed hashes), locked like real ones so a lock tells nobody who exists. */
    private final FailureCounter unknownIds = new FailureCounter(MAX_FAILURES, LOCKOUT);
    /** Burns the same PBKDF2 work for unknown or locked ids, so timing does not tell them apart. */
    private final String dummyHash;

    public Authenticator(Database database, AuditLog audit, TotpSecrets secrets, Totp totp, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.secrets = secrets;
        this.failedIds = new FailedLoginIds(secrets.masterKeys());
        this.totp = totp;
        this.clock = clock;
        this.dummyHash = new PasswordHasher(new SecureRandom()).hash("no such console user 0".toCharArray());
    }

    /**
     * Checks id, password and code; wipes {@code password}.
     *
     * @param source the client address, for the audit log and the per-address limit
     */
    public Result login(String userId, char[] password, String code, String source) {
        Instant now = clock.instant();
        Optional<Instant> addressLock = addresses.lockedUntil(source, now);
        if (addressLock.isPresent()) {
            try {
                PasswordHasher.matches(password.clone(), dummyHash);
                auditLogin(null, failedIds.forAudit(userId), source, "REFUSED", "reason=ADDRESS_LOCKED");
                return Result.refused(addressLock);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        Result result = check(userId, password, code, source, now);
        if (result.outcome() == Outcome.REFUSED && source != null) {
            Optional<Instant> locked = addresses.fail(source, now);
            if (result.lockedUntil() == null && locked.isPresent()) {
                return Result.refused(locked);
            }
        }
        return result;
    }

    private Result check(String userId, char[] password, String code, String source, Instant now) {
        try {
            String id = UserIds.isValid(userId) ? userId : null;
            Optional<UserRepository.Credentials> found = id == null ? Optional.empty()
                    : database.read(tx -> users.credentials(tx, id));
            if (found.isEmpty()) {
                PasswordHasher.matches(password.clone(), dummyHash);
                String typed = failedIds.forAudit(userId);
                auditLogin(null, typed, source, "REFUSED", "reason=UNKNOWN_ID");
                Optional<Instant> locked = unknownIds.lockedUntil(typed, now);
                return Result.refused(locked.isPresent() ? locked : unknownIds.fail(typed, now));
            }
            UserRepository.Credentials credentials = found.get();
            ClerkUser user = credentials.user();
            if (user.locked(now)) {
                PasswordHasher.matches(password.clone(), dummyHash);
                auditLogin(user, user.id(), source, "REFUSED", "reason=LOCKED");
                return Result.refused(Optional.of(user.lockedUntil()));
            }
            boolean passwordOk = PasswordHasher.matches(password.clone(), credentials.passwordHash());
            String reason = null;
            long step = 0;
            if (!passwordOk) {
                reason = "BAD_PASSWORD";
            } else if (user.disabled()) {
                reason = "DISABLED";
            } else if (user.expired(LocalDate.ofInstant(now, ServiceRules.ZONE))) {
                reason = "EXPIRED";
            } else if (!user.mustEnrol()) {
                OptionalLong matched = credentials.totpSecret() == null ? OptionalLong.empty()
                        : verifyCode(user.id(), credentials.totpSecret(), code, now);
                if (matched.isEmpty()) {
                    reason = "BAD_CODE";
                } else if (matched.getAsLong() <= credentials.totpLastStep()) {
                    reason = "CODE_REUSED";
                } else {
                    step = matched.getAsLong();
                }
            }
            if (reason != null) {
                return Result.refused(fail(user, source, reason, now));
            }
            if (user.mustEnrol()) {
                auditLogin(user, user.id(), source, "OK", "stage=ENROL");
                return new Result(Outcome.ENROL, user, 0);
            }
            long usedStep = step;
            boolean recorded = database.write(tx -> {
                // the step must still be new inside the transaction: two logins with one code race here
                Optional<UserRepository.Credentials> current = users.credentialsForUpdate(tx, user.id());
                if (current.isEmpty() || current.get().totpLastStep() >= usedStep) {
                    return false;
                }
                users.recordLogin(tx, user.id(), usedStep, now);
                audit.append(tx, event(user, user.id(), source, "OK", null));
                return true;
            });
            if (!recorded) {
                return Result.refused(fail(user, source, "CODE_REUSED", now));
            }
            LOG.log(Level.INFO, "console login: {0} ({1})", user.id(), user.role());
            return new Result(Outcome.OK, user, step);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The step a code matches for the sealed secret; the opened secret is wiped after use. */
    public OptionalLong verifyCode(String userId, TotpSecrets.Sealed sealed, String code, Instant at) {
        byte[] secret = secrets.open(userId, sealed);
        try {
            return totp.verify(secret, code, at);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Counts the failure; returns until when the id is locked now, if this failure locked it. */
    private Optional<Instant> fail(ClerkUser user, String source, String reason, Instant now) {
        Instant locked = database.write(tx -> {
            int failures = users.credentialsForUpdate(tx, user.id()).map(c -> c.user().failedLogins()).orElse(0) + 1;
            Instant lockedUntil = null;
            String detail = "reason=" + reason;
            if (failures >= MAX_FAILURES) {
                lockedUntil = now.plus(LOCKOUT);
                failures = 0;
                detail += " locked_until=" + lockedUntil;
            }
            users.recordFailure(tx, user.id(), failures, lockedUntil);
            audit.append(tx, event(user, user.id(), source, "REFUSED", detail));
            return lockedUntil;
        });
        LOG.log(Level.WARNING, "console login refused: {0}", reason);
        return Optional.ofNullable(locked);
    }

    private void auditLogin(ClerkUser user, String actorId, String source, String outcome, String detail) {
        database.write(tx -> audit.append(tx, event(user, actorId, source, outcome, detail)));
    }

    private static AuditEvent event(ClerkUser user, String actorId, String source, String outcome, String detail) {
        MunicipalityCode municipality = user == null ? null : user.municipality().orElse(null);
        return new AuditEvent("CLERK", actorId, source, "LOGIN", municipality, "user", actorId, outcome, detail);
    }
}
