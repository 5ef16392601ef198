package dev.shomei.system.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Debian's libfaketime (package {@code libfaketime}), which shifts a process's wall clock. */
final class LibFaketime {
    private static final Path LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

    private LibFaketime() {
    }

    /** The library; missing, the test fails in CI and is skipped elsewhere. */
    static Path require() {
        if (!Files.isRegularFile(LIBRARY)) {
            String why = "libfaketime is not installed (apt-get install libfaketime)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return LIBRARY;
    }
}
