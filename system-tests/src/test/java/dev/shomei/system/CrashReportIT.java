package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component that crashes (here: the backend, sent SIGSEGV as a fault in native code would raise it)
 * leaves no core file, which would be its whole memory (PINs, names, keys), and its crash report
 * (hs_err, which can hold fragments of memory) only in the state's private crash folder, never in
 * the working directory.
 */
class CrashReportIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path state;

    @Test
    void aCrashWritesNoCoreFileAndItsReportOnlyIntoThePrivateCrashFolder() throws Exception {
        Launcher shomei = new Launcher(state);
        assertEquals(0, shomei.run(TIMEOUT, "pki").exitCode());
        int apiPort = Ports.free();
        Process backend = shomei.start("backend", "backend", "serve", "--demo", "--api-port", String.valueOf(apiPort),
                "--console-port", String.valueOf(Ports.free()), "--public-port", "-1");
        try {
            Ports.awaitListening(apiPort, backend, TIMEOUT, "the backend");
            List<Path> before = filesIn(shomei.root());
            Process kill = new ProcessBuilder("kill", "-SEGV", String.valueOf(backend.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(backend.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the backend died");
            assertNotEquals(0, backend.exitValue());

            Path crash = state.resolve("crash");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(crash)));
            assertEquals(List.of(crash.resolve("hs_err_pid" + backend.pid() + ".log")), filesIn(crash));
            String log = Files.readString(shomei.logs().resolve("backend.log"));
            assertTrue(log.contains("no core file dumped"), log);
            assertEquals(before, filesIn(shomei.root()), "nothing new in the working directory: no hs_err, no core");
            try (Stream<Path> all = Files.walk(state)) {
                assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("core")).toList());
            }
        } finally {
            backend.destroyForcibly().waitFor();
        }
    }

    private static List<Path> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
