package dev.shomei.kiosk.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options, checked against what a command knows. */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * @param withValue options that take a value
     * @param flags     options that take none
     * @throws IllegalArgumentException naming the option that is wrong (never its value)
     */
    static Args parse(String[] args, int from, Set<String> withValue, Set<String> flags) {
        Args parsed = new Args();
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (flags.contains(name)) {
                parsed.values.put(name, "true");
            } else if (withValue.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                parsed.values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return parsed;
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    String optional(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number");
        }
    }
}
