package dev.shomei.card.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and {@code --flag} switches, each allowed once, nothing else. */
final class CliArgs {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CliArgs() {
    }

    static CliArgs parse(String[] args, int from, Set<String> valueOptions, Set<String> flagOptions) {
        CliArgs parsed = new CliArgs();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (flagOptions.contains(arg)) {
                if (!parsed.flags.add(arg)) {
                    throw new UsageException(arg + " given twice");
                }
            } else if (valueOptions.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                if (parsed.values.put(arg, args[++i]) != null) {
                    throw new UsageException(arg + " given twice");
                }
            } else {
                throw new UsageException("unknown argument: " + (arg.startsWith("--") ? arg : "(a value without option)"));
            }
        }
        return parsed;
    }

    String value(String option) {
        return values.get(option);
    }

    String value(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    String required(String option) {
        String v = values.get(option);
        if (v == null) {
            throw new UsageException(option + " is required");
        }
        return v;
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    int intValue(String option, int fallback, int min, int max) {
        String v = values.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(option + " must be " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number " + min + ".." + max);
        }
    }
}
