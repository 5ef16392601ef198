package dev.shomei.center.console.auth;

import dev.shomei.protocol.otp.Totp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password + TOTP login. Every failure looks the same to the caller (no hint which factor was
 * wrong or whether the user exists); after {@code maxFailures} failures in a row a user name is
 * locked for {@code lockout}; a client address with {@value #ADDRESS_FAILURE_FACTOR} times as many
 * failures (guessing across user names) is locked as well; a TOTP code works once (its time step is
 * remembered per user).
 */
public final class LoginService {
    private static final System.Logger LOG = System.getLogger(LoginService.class.getName());

    private final OperatorAccounts accounts;
    private final SessionStore sessions;
    private final Totp totp;
    private final Clock clock;
    /** An address may fail this many times the per-user limit: a few operators may share one. */
    static final int ADDRESS_FAILURE_FACTOR = 4;

    private final FailureCounter users;
    private final FailureCounter addresses;
    private final Map<String, Long> lastTotpStep = new ConcurrentHashMap<>();
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
        this.dummyHash = PasswordHash.hash("no such operator account".toCharArray(), accounts.iterations(),
                new java.security.SecureRandom());
    }

    /** A new session, or empty when anything is wrong. Wipes {@code password}. No per-address limit. */
    public Optional<Session> login(String username, char[] password, String code) {
        return login(null, username, password, code);
    }

    /**
     * A new session, or empty when anything is wrong (also when the user name or {@code address}
     * is locked). Wipes {@code password}.
     *
     * @param address the client's address, or null when unknown
     */
    public Optional<Session> login(String address, String username, char[] password, String code) {
        try {
            Instant now = clock.instant();
            String key = username == null ? "" : username;
            if (users.locked(key, now) || address != null && addresses.locked(address, now)) {
                LOG.log(System.Logger.Level.WARNING, "console login refused: user or address locked");
                return Optional.empty();
            }
            Optional<OperatorAccount> account = OperatorAccount.isValidUsername(username)
                    ? accounts.find(username) : Optional.empty();
            boolean passwordOk = PasswordHash.matches(password.clone(),
                    account.map(OperatorAccount::passwordHash).orElse(dummyHash));
            boolean ok = account.isPresent() && account.get().enabled() && passwordOk;
            if (ok) {
                OptionalLong step = totp.verify(account.get().totpSecretBytes(), code, now);
                Long last = lastTotpStep.get(key);
                ok = step.isPresent() && (last == null || step.getAsLong() > last);
                if (ok) {
                    lastTotpStep.put(key, step.getAsLong());
                }
            }
            if (!ok) {
                users.fail(key, now);
                if (address != null) {
                    addresses.fail(address, now);
                }
                LOG.log(System.Logger.Level.WARNING, "console login failed");
                return Optional.empty();
            }
            users.succeeded(key);
            Session session = sessions.create(account.get());
            LOG.log(System.Logger.Level.INFO, "console login: {0} ({1})", account.get().username(), account.get().role());
            return Optional.of(session);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
