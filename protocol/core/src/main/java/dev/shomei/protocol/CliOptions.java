package dev.shomei.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} and {@code --flag} options, checked against what a command knows: the
 * command lines of the center, the kiosk and the headless issue ({@link HelpOption} is the help rule).
 */
public final class CliOptions {
    private final Map<String, String> values = new LinkedHashMap<>();

    private CliOptions() {
    }

    /**
     * @param withValue options that take a value
     * @param flags     options that take none
     * @throws IllegalArgumentException naming the option that is wrong (never its value)
     */
    public static CliOptions parse(String[] args, int from, Set<String> withValue, Set<String> flags) {
        CliOptions parsed = new CliOptions();
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

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public int integer(String name, int fallback) {
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
