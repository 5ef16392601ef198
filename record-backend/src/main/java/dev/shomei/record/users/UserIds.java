package dev.shomei.record.users;

import java.util.regex.Pattern;

/** The shape of a user id: 3..32 of lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
public final class UserIds {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private UserIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * What a refused login records as the actor when the typed id is not a valid id: printable
     * characters only, at most 64 (the console shows it escaped; it may be an attack string).
     */
    public static String forAudit(String typed) {
        if (typed == null || typed.isEmpty()) {
            return "(empty)";
        }
        StringBuilder out = new StringBuilder();
        typed.codePoints().limit(64).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return out.toString();
    }
}
