package dev.shomei.record.cli;

import dev.shomei.consolesecurity.RegisteredPcsFile;
import dev.shomei.record.RecordStore;
import dev.shomei.record.users.RegisteredConsolePcs;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ./shomei backend console-pc list|register ID|unregister ID|import}: the registered clerk
 * console PCs in the database (shared by every backend on it). The former list,
 * {@code <state>/backend/console-pcs.txt}, is still read beside the table until it is imported and
 * deleted, so an installation that keeps it loses no PC on upgrade.
 */
final class ConsolePcCommand {
    private final Path legacyFile;
    private final PrintStream out;
    private final PrintStream err;

    ConsolePcCommand(Path legacyFile, PrintStream out, PrintStream err) {
        this.legacyFile = legacyFile;
        this.out = out;
        this.err = err;
    }

    /** What the console port admits: the table's PCs and, while it exists, the former file's. */
    Supplier<Set<String>> admitted(RecordStore store) {
        RegisteredConsolePcs registered = pcs(store);
        RegisteredPcsFile legacy = new RegisteredPcsFile(legacyFile);
        if (Files.exists(legacyFile)) {
            err.println("backend: " + legacyFile + " is still read beside the console_pc table; "
                    + "'./shomei backend console-pc import' moves its PCs into the database (then delete the file)");
        }
        return () -> {
            Set<String> ids = new HashSet<>(registered.get());
            ids.addAll(legacy.get());
            return Set.copyOf(ids);
        };
    }

    int run(List<String> arguments, RecordStore store) {
        String operator = System.getProperty("user.name", "operator");
        RegisteredConsolePcs pcs = pcs(store);
        String verb = arguments.isEmpty() ? "" : arguments.getFirst();
        int expected = verb.equals("register") || verb.equals("unregister") ? 2 : 1;
        if (arguments.size() != expected) {
            throw new CliArgs.UsageException("console-pc list | register ID | unregister ID | import");
        }
        switch (verb) {
            case "list" -> {
                pcs.list().forEach(out::println);
                Set<String> legacy = new RegisteredPcsFile(legacyFile).get();
                legacy.stream().sorted().forEach(id -> out.println(id + "  (" + legacyFile.getFileName() + ")"));
            }
            case "register" -> out.println(pcs.register(arguments.get(1), operator)
                    ? "registered " + arguments.get(1) : arguments.get(1) + " was registered already");
            case "unregister" -> {
                boolean removed = pcs.unregister(arguments.get(1), operator);
                out.println(removed ? "unregistered " + arguments.get(1) : arguments.get(1) + " was not registered");
                if (new RegisteredPcsFile(legacyFile).get().contains(arguments.get(1))) {
                    err.println("backend: " + arguments.get(1) + " is still listed in " + legacyFile
                            + ": remove the line there too, or run console-pc import and delete the file");
                    return 1;
                }
            }
            case "import" -> {
                Set<String> legacy = new RegisteredPcsFile(legacyFile).get();
                int added = 0;
                for (String id : legacy.stream().sorted().toList()) {
                    added += pcs.register(id, operator) ? 1 : 0;
                }
                out.println("imported " + added + " of " + legacy.size() + " PCs from " + legacyFile
                        + (legacy.isEmpty() ? "" : "; delete the file now: its PCs are in the database"));
            }
            default -> throw new CliArgs.UsageException("console-pc list | register ID | unregister ID | import");
        }
        return 0;
    }

    private static RegisteredConsolePcs pcs(RecordStore store) {
        return new RegisteredConsolePcs(store.database(), store.audit(), Clock.systemUTC());
    }
}
