package dev.shomei.center.console.auth;

import dev.shomei.center.config.WatchedJsonFile;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The console's logins, {@code operators.json} (0600) in the center's state directory. */
public final class OperatorAccounts {
    private final WatchedJsonFile<AccountsFile> file;
    private final SecureRandom random;
    private final int iterations;

    public OperatorAccounts(Path path, SecureRandom random, int iterations) {
        this.file = new WatchedJsonFile<>(path, AccountsFile.class, new AccountsFile(List.of()), true);
        this.random = random;
        this.iterations = iterations;
    }

    /** PBKDF2 iterations for new passwords. */
    public int iterations() {
        return iterations;
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
        if (find(username).isPresent()) {
            java.util.Arrays.fill(password, '\0');
            throw new IllegalArgumentException("user name taken");
        }
        String hash = PasswordHash.hash(password, iterations, random);
        String secret = Base32.encode(Totp.newSecret(random));
        OperatorAccount account = new OperatorAccount(username, role, hash, secret, true);
        file.update(current -> {
            List<OperatorAccount> next = new ArrayList<>(current.accounts() == null ? List.of() : current.accounts());
            next.add(account);
            return new AccountsFile(next);
        });
        return secret;
    }

    private List<OperatorAccount> accounts() {
        AccountsFile content = file.get();
        return content.accounts() == null ? List.of() : content.accounts();
    }

    record AccountsFile(List<OperatorAccount> accounts) {
    }
}
