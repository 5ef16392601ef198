package dev.shomei.center.console.auth;

import dev.shomei.consolesecurity.FailureCounter;
import dev.shomei.consolesecurity.PasswordHashes;
import dev.shomei.consolesecurity.TotpStepLedger;
import dev.shomei.protocol.otp.Totp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Password + TOTP login. Every failure looks the same to the caller (no hint which factor was
 * wrong or whether the user exists) — except a lock: after {@code maxFailures} failures in a row a
 * typed user name is locked for {@code lockout}, whether or not it exists, so saying "locked until"
 * reveals nothing about who exists. A client address with {@value #ADDRESS_FAILURE_FACTOR} times as
 * many failures (guessing across user names) is locked as well. A TOTP code works once, at every
 * center: its time step is claimed in the shared {@link TotpStepLedger}. A hash made with fewer
 * PBKDF2 iterations than today's is replaced at the next successful login.
 */
public final class LoginService {
    private static final System.Logger LOG = System.getLogger(LoginService.class.getName());
    /** An address may fail this many times the per-user limit: a few operators may share one. */
    static final int ADDRESS_FAILURE_FACTOR = 4;

    /** A login's outcome: a session, or a refusal with, when the name or address is locked, until when. */
    public record Result(Optional<Session> session, Optional<Instant> lockedUntil) {
        static Result refused(Optional<Instant> lockedUntil) {
            return new Result(Optional.empty(), lockedUntil);
        }
    }

    private final OperatorAccounts accounts;
    private final SessionStore sessions;
    private final Totp totp;
    private final Clock clock;
    private final FailureCounter users;
    private final FailureCounter addresses;
    private final TotpStepLedger steps;
    /** Burns the same PBKDF2 work for unknown users, so timing does not reveal who exists. */
    private final String dummyHash;

    public LoginService(OperatorAccounts accounts, SessionStore sessions, Totp totp, Clock clock, int maxFailures,
            Duration lockout) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.totp = totp;
        this.clock = clock;
        this.users = new FailureCounter(maxFailures, lockout);
        this.addresses = new FailureCounter(maxFailures * ADDRESS_FAILURE_FACTOR, lockout);
        this.steps = new TotpStepLedger(accounts.path().resolveSibling("operator-totp-steps.properties"));
        this.dummyHash = new PasswordHashes(accounts.iterations(), new SecureRandom())
                .hash("no such operator account 0".toCharArray());
    }

    public OperatorAccounts accounts() {
        return accounts;
    }

    /** The shared record of used TOTP steps (forgotten when an administrator resets a secret). */
    public TotpStepLedger steps() {
        return steps;
    }

    /** A new session, or empty when anything is wrong. Wipes {@code password}. No per-address limit. */
    public Optional<Session> login(String username, char[] password, String code) {
        return attempt(null, username, password, code).session();
    }

    /** As {@link #attempt}, the session only. */
    public Optional<Session> login(String address, String username, char[] password, String code) {
        return attempt(address, username, password, code).session();
    }

    /**
     * Checks the login (also refused while the user name or {@code address} is locked). Wipes
     * {@code password}.
     *
     * @param address the client's address, or null when unknown
     */
    public Result attempt(String address, String username, char[] password, String code) {
        try {
            Instant now = clock.instant();
            String key = username == null ? "" : username;
            Optional<Instant> locked = users.lockedUntil(key, now)
                    .or(() -> address == null ? Optional.empty() : addresses.lockedUntil(address, now));
            if (locked.isPresent()) {
                LOG.log(System.Logger.Level.WARNING, "console login refused: user or address locked");
                return Result.refused(locked);
            }
            Optional<OperatorAccount> account = OperatorAccount.isValidUsername(username)
                    ? accounts.find(username) : Optional.empty();
            String stored = account.map(OperatorAccount::passwordHash).orElse(dummyHash);
            boolean passwordOk = PasswordHashes.matches(password.clone(), stored);
            boolean ok = account.isPresent() && account.get().usable(accounts.today()) && passwordOk;
            if (ok) {
                OptionalLong step = totp.verify(account.get().totpSecretBytes(), code, now);
                ok = step.isPresent() && steps.claim(account.get().username(), step.getAsLong());
            }
            if (!ok) {
                Optional<Instant> userLock = users.fail(key, now);
                Optional<Instant> addressLock = address == null ? Optional.empty() : addresses.fail(address, now);
                LOG.log(System.Logger.Level.WARNING, "console login failed");
                return Result.refused(userLock.or(() -> addressLock));
            }
            users.succeeded(key);
            if (accounts.hashes().needsRehash(stored)) {
                accounts.rehash(account.get().username(), stored, password.clone());
            }
            OperatorAccount current = accounts.find(account.get().username()).orElseThrow();
            Session session = sessions.create(current);
            LOG.log(System.Logger.Level.INFO, "console login: {0} ({1})", current.username(), current.role());
            return new Result(Optional.of(session), Optional.empty());
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
