package dev.shomei.record.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments; unknown options are a usage error. */
final class CliArgs {
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    CliArgs(List<String> args, Set<String> known) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                if (!known.contains(arg)) {
                    throw new UsageException("unknown option " + arg);
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else {
                positional.add(arg);
            }
        }
    }

    String value(String option, String fallback) {
        return options.getOrDefault(option, fallback);
    }

    String value(String option) {
        return options.get(option);
    }

    String required(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new UsageException(option + " is required");
        }
        return value;
    }

    int intValue(String option, int fallback, int min, int max) {
        String text = options.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new UsageException(option + " must be " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number");
        }
    }

    List<String> positional() {
        return positional;
    }

    /** A usage mistake: the command prints the message and the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
