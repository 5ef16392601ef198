package dev.shomei.center.console.auth;

import dev.shomei.protocol.otp.Base32;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A console login: a user name, a role, the password hash, the TOTP secret (base32), whether it is
 * enabled and the last day it may be used ({@code expires}, ISO date, null = no end). Stored 0600 in
 * {@code operators.json}; never logged, never sent to a browser. Files written before {@code expires}
 * existed read as "no end".
 */
public record OperatorAccount(String username, Role role, String passwordHash, String totpSecret, boolean enabled,
        String expires) {
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    public OperatorAccount {
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("user names are 2-32 lower-case letters, digits, '.', '_' or '-'");
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(totpSecret, "totpSecret");
        if (expires != null) {
            LocalDate.parse(expires); // refuses anything but an ISO date
        }
    }

    public OperatorAccount(String username, Role role, String passwordHash, String totpSecret, boolean enabled) {
        this(username, role, passwordHash, totpSecret, enabled, null);
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** Enabled and not past its last day. */
    public boolean usable(LocalDate today) {
        return enabled && (expires == null || !today.isAfter(LocalDate.parse(expires)));
    }

    /** A fingerprint of the credentials (password hash and TOTP secret): a session from before a change no longer matches. */
    public String credentialStamp() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((passwordHash + "\n" + totpSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public byte[] totpSecretBytes() {
        // the center has always skipped hyphens in stored secrets (the record backend refuses them); keep that
        return Base32.decodeAllowingHyphens(totpSecret);
    }

    OperatorAccount withPasswordHash(String hash) {
        return new OperatorAccount(username, role, hash, totpSecret, enabled, expires);
    }

    OperatorAccount withTotpSecret(String secret) {
        return new OperatorAccount(username, role, passwordHash, secret, enabled, expires);
    }

    OperatorAccount with(Role newRole, boolean newEnabled, String newExpires) {
        return new OperatorAccount(username, newRole, passwordHash, totpSecret, newEnabled, newExpires);
    }

    @Override
    public String toString() {
        return "OperatorAccount[" + username + ", " + role + (enabled ? "" : ", disabled") + "]";
    }
}
