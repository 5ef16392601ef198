package dev.shomei.center.console.auth;

import dev.shomei.center.config.WatchedJsonFile;
import dev.shomei.consolesecurity.PasswordHashes;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The console's logins, {@code operators.json} (0600) in the center's state directory — shared by
 * every center that shares the directory, like {@code terminals.json}, and re-read when another
 * center changes it. Who may change what is decided by the caller ({@code OperatorAdministration}).
 */
public final class OperatorAccounts {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final WatchedJsonFile<AccountsFile> file;
    private final SecureRandom random;
    private final PasswordHashes hashes;
    private final Clock clock;

    public OperatorAccounts(Path path, SecureRandom random, int iterations) {
        this(path, random, iterations, Clock.systemUTC());
    }

    public OperatorAccounts(Path path, SecureRandom random, int iterations, Clock clock) {
        this.file = new WatchedJsonFile<>(path, AccountsFile.class, new AccountsFile(List.of()), true);
        this.random = random;
        this.hashes = new PasswordHashes(iterations, random);
        this.clock = clock;
    }

    /** PBKDF2 iterations for new passwords. */
    public int iterations() {
        return hashes.iterations();
    }

    public PasswordHashes hashes() {
        return hashes;
    }

    /** The file, whose directory also holds the TOTP step ledger and the audit trail. */
    public Path path() {
        return file.file();
    }

    /** Today in Japan, for account expiry. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), JAPAN);
    }

    public Optional<OperatorAccount> find(String username) {
        return accounts().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    public List<OperatorAccount> all() {
        return accounts();
    }

    public boolean isEmpty() {
        return accounts().isEmpty();
    }

    /**
     * Creates a login and returns its new TOTP secret (base32), to be enrolled in an authenticator
     * app. Wipes {@code password}.
     */
    public String create(String username, Role role, char[] password) {
        return create(username, role, password, null);
    }

    /** As {@link #create(String, Role, char[])}, with a last day of use (ISO date, or null). */
    public String create(String username, Role role, char[] password, String expires) {
        if (find(username).isPresent()) {
            Arrays.fill(password, '\0');
            throw new IllegalArgumentException("user name taken");
        }
        String hash = hashes.hash(password);
        String secret = Base32.encode(Totp.newSecret(random));
        OperatorAccount account = new OperatorAccount(username, role, hash, secret, true, expires);
        file.update(current -> {
            if (current.accounts() != null && current.accounts().stream().anyMatch(a -> a.username().equals(username))) {
                throw new IllegalArgumentException("user name taken");
            }
            List<OperatorAccount> next = new ArrayList<>(current.accounts() == null ? List.of() : current.accounts());
            next.add(account);
            return new AccountsFile(next);
        });
        return secret;
    }

    /** Sets role, enabled and expiry; returns the account before the change. */
    public OperatorAccount update(String username, Role role, boolean enabled, String expires) {
        return change(username, a -> a.with(role, enabled, expires));
    }

    /** A new TOTP secret (the old one stops working, its sessions end); returns the secret to enrol. */
    public String resetTotp(String username) {
        String secret = Base32.encode(Totp.newSecret(random));
        change(username, a -> a.withTotpSecret(secret));
        return secret;
    }

    /** A new password (its sessions end). Wipes {@code password}. */
    public void setPassword(String username, char[] password) {
        String hash = hashes.hash(password);
        change(username, a -> a.withPasswordHash(hash));
    }

    /** Replaces a hash made with fewer iterations by one made now (at login, with the right password). */
    void rehash(String username, String oldHash, char[] password) {
        if (!PasswordHashes.isAcceptable(password)) { // an old password from before today's rule: keep its hash
            Arrays.fill(password, '\0');
            return;
        }
        String hash = hashes.hash(password);
        file.update(current -> new AccountsFile(current.accounts().stream()
                .map(a -> a.username().equals(username) && a.passwordHash().equals(oldHash) ? a.withPasswordHash(hash) : a)
                .toList()));
    }

    private OperatorAccount change(String username, UnaryOperator<OperatorAccount> change) {
        OperatorAccount[] before = new OperatorAccount[1];
        file.update(current -> {
            List<OperatorAccount> next = new ArrayList<>();
            for (OperatorAccount account : current.accounts() == null ? List.<OperatorAccount>of() : current.accounts()) {
                if (account.username().equals(username)) {
                    before[0] = account;
                    next.add(change.apply(account));
                } else {
                    next.add(account);
                }
            }
            if (before[0] == null) {
                throw new IllegalArgumentException("no such operator");
            }
            return new AccountsFile(next);
        });
        return before[0];
    }

    private List<OperatorAccount> accounts() {
        AccountsFile content = file.get();
        return content.accounts() == null ? List.of() : content.accounts();
    }

    record AccountsFile(List<OperatorAccount> accounts) {
    }
}
