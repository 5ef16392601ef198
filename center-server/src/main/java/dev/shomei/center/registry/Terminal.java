package dev.shomei.center.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registered kiosk terminal: its id (the CN of its client certificate), whether it may serve,
 * and a label the operator reads on the board (the store, say). Configuration, not personal data.
 */
public record Terminal(String id, boolean enabled, String label) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int LABEL_MAX = 120;

    public Terminal {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("terminal id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        label = Objects.requireNonNullElse(label, "").strip();
        if (label.length() > LABEL_MAX || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("terminal label must be at most " + LABEL_MAX + " printable characters");
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public Terminal withEnabled(boolean value) {
        return new Terminal(id, value, label);
    }
}
