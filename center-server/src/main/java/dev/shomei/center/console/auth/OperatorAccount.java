package dev.shomei.center.console.auth;

import dev.shomei.protocol.otp.Base32;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A console login: a user name, a role, the password hash and the TOTP secret (base32). Stored
 * 0600 in {@code operators.json}; never logged, never sent to a browser.
 */
public record OperatorAccount(String username, Role role, String passwordHash, String totpSecret, boolean enabled) {
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    public OperatorAccount {
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("user names are 2-32 lower-case letters, digits, '.', '_' or '-'");
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(totpSecret, "totpSecret");
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public byte[] totpSecretBytes() {
        // the center has always skipped hyphens in stored secrets (the record backend refuses them); keep that
        return Base32.decodeAllowingHyphens(totpSecret);
    }

    @Override
    public String toString() {
        return "OperatorAccount[" + username + ", " + role + (enabled ? "" : ", disabled") + "]";
    }
}
