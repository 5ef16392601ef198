package dev.shomei.printing.printer;

import java.nio.file.Path;
import java.util.List;

/**
 * The printing module's CUPS test fixture ({@link LocalCups}, package-private in its test-jar) for
 * the kiosk's tests: the local cupsd (started as root when not running) with
 * {@code PreserveJobFiles No} / {@code PreserveJobHistory No} and a cups-pdf queue. A bridge only —
 * it adds nothing; when LocalCups becomes public the kiosk calls it directly.
 */
public final class KioskCups {
    public static final String QUEUE = LocalCups.QUEUE;

    private KioskCups() {
    }

    /** Fails under CI=true, skips otherwise, when CUPS or cups-pdf is missing. */
    public static void ensureRunningWithQueue() throws Exception {
        LocalCups.ensureRunningWithQueue();
    }

    /** Where cups-pdf writes the printed paper. */
    public static List<Path> outputDirectories() throws Exception {
        return LocalCups.outputDirectories();
    }

    /** The PDF cups-pdf wrote for a job name. */
    public static Path awaitOutput(String jobName, long timeoutMillis) throws Exception {
        return LocalCups.awaitOutput(jobName, timeoutMillis);
    }
}
