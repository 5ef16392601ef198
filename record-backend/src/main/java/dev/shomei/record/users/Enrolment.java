package dev.shomei.record.users;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.db.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The first login of an id (or the first after a reset): the user scans a new TOTP secret as a QR
 * code, proves it with a code, and replaces the administrator's initial password with their own.
 * Nothing is stored until the code matches.
 */
public final class Enrolment {
    /** Why enrolment was refused; the page says which, so the user can correct it. */
    public enum Problem { BAD_CODE, WEAK_PASSWORD, PASSWORDS_DIFFER, SAME_AS_INITIAL, NOT_ENROLLING }

    public static final class EnrolmentException extends ShomeiException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        EnrolmentException(Problem problem) {
            super(ErrorCode.INVALID_REQUEST, "enrolment refused: " + problem);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final Database database;
    private final AuditLog audit;
    private final TotpSecrets secrets;
    private final Totp totp;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final UserRepository users = new UserRepository();

    public Enrolment(Database database, AuditLog audit, TotpSecrets secrets, Totp totp, PasswordHasher hasher, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.secrets = secrets;
        this.totp = totp;
        this.hasher = hasher;
        this.clock = clock;
    }

    public static byte[] newSecret(SecureRandom random) {
        return Totp.newSecret(random);
    }

    public String enrolmentUri(String userId, byte[] secret) {
        return totp.enrolmentUri("shomei clerk console", userId, secret);
    }

    /**
     * Checks the code against {@code secret} and the new password, then stores both; returns the
     * user as now stored. Wipes both password arrays.
     */
    public ClerkUser complete(String userId, byte[] secret, String code, char[] password, char[] repeated, String source) {
        try {
            Instant now = clock.instant();
            OptionalLong step = totp.verify(secret, code, now);
            if (step.isEmpty()) {
                throw new EnrolmentException(Problem.BAD_CODE);
            }
            if (!Arrays.equals(password, repeated)) {
                throw new EnrolmentException(Problem.PASSWORDS_DIFFER);
            }
            if (!PasswordHasher.isAcceptable(password)) {
                throw new EnrolmentException(Problem.WEAK_PASSWORD);
            }
            UserRepository.Credentials before = database.read(tx -> users.credentials(tx, userId))
                    .orElseThrow(() -> new EnrolmentException(Problem.NOT_ENROLLING));
            if (!before.user().mustEnrol() || before.user().disabled()) {
                throw new EnrolmentException(Problem.NOT_ENROLLING);
            }
            if (PasswordHasher.matches(password.clone(), before.passwordHash())) {
                throw new EnrolmentException(Problem.SAME_AS_INITIAL);
            }
            String hash = hasher.hash(password.clone());
            TotpSecrets.Sealed sealed = secrets.seal(userId, secret);
            return database.write(tx -> {
                ClerkUser current = users.find(tx, userId).orElseThrow();
                if (!current.mustEnrol() || current.disabled()) {
                    throw new EnrolmentException(Problem.NOT_ENROLLING);
                }
                users.completeEnrolment(tx, userId, hash, sealed, step.getAsLong(), now);
                audit.append(tx, new AuditEvent("CLERK", userId, source, "ENROL_TOTP", current.municipality().orElse(null),
                        "user", userId, "OK", null));
                return users.find(tx, userId).orElseThrow();
            });
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(repeated, '\0');
        }
    }
}
