package dev.shomei.center.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registered kiosk terminal: its id (the CN of its client certificate), whether it may serve,
 * a label the operator reads on the board (the store, say) and the pin of the one client
 * certificate it may connect with (SHA-256 of the DER certificate, lower-case hex; {@code null}
 * until enrolled or first seen, see {@link TerminalRegistry}). Configuration, not personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Terminal(String id, boolean enabled, String label, String certificateSha256) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int LABEL_MAX = 120;

    public Terminal {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("terminal id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        label = Objects.requireNonNullElse(label, "").strip();
        if (label.length() > LABEL_MAX || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("terminal label must be at most " + LABEL_MAX + " printable characters");
        }
        if (certificateSha256 != null) {
            certificateSha256 = certificateSha256.replace(":", "").toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(certificateSha256).matches()) {
                throw new IllegalArgumentException("certificate pin must be a SHA-256 fingerprint (64 hex digits)");
            }
        }
    }

    /** A terminal with no certificate pinned yet. */
    public Terminal(String id, boolean enabled, String label) {
        this(id, enabled, label, null);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public Terminal withEnabled(boolean value) {
        return new Terminal(id, value, label, certificateSha256);
    }

    public Terminal withCertificatePin(String sha256) {
        return new Terminal(id, enabled, label, sha256);
    }

    /** True when the certificate with this fingerprint may connect as this terminal. */
    public boolean accepts(String sha256) {
        return certificateSha256 == null || certificateSha256.equals(sha256);
    }
}
