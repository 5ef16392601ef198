package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./shomei COMMAND --help}, as an operator types it: the command's usage on standard output,
 * exit 0, and nothing set up on the way (no dev PKI, no fonts): asking how a production command works
 * must not create keys on a production machine.
 */
class LauncherHelpIT {
    @TempDir
    Path state;

    @ParameterizedTest(name = "./shomei {0}")
    @CsvSource(delimiter = '|', value = {
            "demo --help                | demo [--postgres URL]",
            "backend serve --help       | serve [--demo] [--keys DIR]",
            "backend import -h          | import --municipality CODE",
            "center serve --help        | center serve [--demo [--open-all-day]]",
            "center enrol --help        | center enrol --terminal ID",
            "kiosk serve --help         | shomei kiosk serve [--demo]",
            "issue --help               | shomei issue --card FILE",
            "card new --help            | shomei card new --out FILE",
            "card read -h               | shomei card read",
            "verify --help              | shomei verify FILE.pdf",
            "pki --help                 | shomei pki [--terminal ID]",
            "pki sign --help            | shomei pki sign --csr FILE",
            "loadgen --help             | ./shomei loadgen [--kiosks N"})
    void helpPrintsTheUsageAndSetsNothingUp(String command, String usageExcerpt) throws Exception {
        Launcher.Result result = new Launcher(state).run(Duration.ofMinutes(1), command.split(" "));

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains(usageExcerpt), result.stdout());
        assertEquals("", result.stderr().strip(), "help is not an error");
        assertTrue(Files.notExists(state.resolve("pki")), "no dev PKI made");
        assertTrue(Files.notExists(state.resolve("fonts")), "no fonts installed");
    }
}
