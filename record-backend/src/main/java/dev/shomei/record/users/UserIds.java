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
}
