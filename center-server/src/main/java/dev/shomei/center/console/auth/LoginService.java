package dev.shomei.center.console.auth;

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
 * locked for {@code lockout}; a TOTP code works once (its time step is remembered per user).
 */
public final class LoginService {
    private static final System.Logger LOG = System.getLogger(LoginService.class.getName());

    private final OperatorAccounts accounts;
    private final SessionStore sessions;
    private final Totp totp;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTotpStep = new ConcurrentHashMap<>();
    /** Burns the same PBKDF2 work for unknown users, so timing does not reveal who exists. */
    private final String dummyHash;

    public LoginService(OperatorAccounts accounts, SessionStore sessions, Totp totp, Clock clock, int maxFailures,
            Duration lockout) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.totp = totp;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.dummyHash = PasswordHash.hash("no such operator account".toCharArray(), accounts.iterations(),
                new java.security.SecureRandom());
    }

    /** A new session, or empty when anything is wrong. Wipes {@code password}. */
    public Optional<Session> login(String username, char[] password, String code) {
        try {
            Instant now = clock.instant();
            String key = username == null ? "" : username;
            Failures record = failures.get(key);
            if (record != null && record.lockedUntil != null && now.isBefore(record.lockedUntil)) {
                LOG.log(System.Logger.Level.WARNING, "console login refused: user locked");
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
                fail(key, now);
                LOG.log(System.Logger.Level.WARNING, "console login failed");
                return Optional.empty();
            }
            failures.remove(key);
            Session session = sessions.create(account.get());
            LOG.log(System.Logger.Level.INFO, "console login: {0} ({1})", account.get().username(), account.get().role());
            return Optional.of(session);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void fail(String key, Instant now) {
        Failures record = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (record) {
            record.count++;
            if (record.count >= maxFailures) {
                record.lockedUntil = now.plus(lockout);
                record.count = 0;
            }
        }
        if (failures.size() > 10_000) {
            failures.clear(); // bounded memory under a flood of made-up names; the lockout is best effort then
        }
    }

    private static final class Failures {
        private int count;
        private Instant lockedUntil;
    }
}
