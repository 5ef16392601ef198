package dev.shomei.protocol;

import java.util.List;

/**
 * The one rule of every component's command line for asking for help: {@code help} as the command,
 * or {@code --help} or {@code -h} after any command ({@code center serve --help}). Whoever asks gets
 * the usage on standard output and exit code 0; a wrong option gets it on standard error and 2.
 */
public final class HelpOption {
    private HelpOption() {
    }

    public static boolean asked(String[] args) {
        return args.length > 0 && args[0].equals("help")
                || List.of(args).stream().anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }
}
