package dev.shomei.system.ha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies every {@code .log} below a stopped stack's directory to target/system-logs/{test}, for the CI's artefacts. */
final class KeptLogs {
    private KeptLogs() {
    }

    /** Call once the processes writing below {@code root} have stopped: a running server removes files while we walk. */
    static void keep(Path root, String test) throws IOException {
        Path target = Path.of("target", "system-logs", test);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.copy(log, target.resolve(root.relativize(log).toString().replace('/', '_')),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
