package dev.shomei.system;

import dev.shomei.printing.printer.KioskCups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What came out of the real CUPS printer for one kiosk. The kiosk runs in another JVM; its log
 * names each print job ({@code IPP job certificate-<transaction id> accepted}: no personal data),
 * and cups-pdf names the PDF after the job. Other tests on the machine may print into the same
 * cups-pdf directories at the same time; the job name tells this kiosk's paper apart.
 */
final class CupsPaper {
    private static final Pattern JOB = Pattern.compile("IPP job (certificate-[0-9a-f-]{36}) accepted");

    private final Path kioskLog;
    private final List<Path> directories;
    private int jobsBefore;

    private CupsPaper(Path kioskLog, List<Path> directories) {
        this.kioskLog = kioskLog;
        this.directories = directories;
    }

    /** The cups-pdf queue ready (CUPS started if needed; missing CUPS fails under CI=true, skips otherwise). */
    static void prepareQueue() throws Exception {
        KioskCups.ensureRunningWithQueue();
    }

    /** The paper of the kiosk that logs into {@code kioskLog}. */
    static CupsPaper of(Path kioskLog) throws Exception {
        return new CupsPaper(kioskLog, KioskCups.outputDirectories());
    }

    static String queue() {
        return KioskCups.QUEUE;
    }

    /** Where cups-pdf writes: the resident's paper, outside the leftover scan. */
    List<Path> directories() {
        return directories;
    }

    /** Remembers how many jobs the kiosk has sent so far. */
    void snapshot() throws IOException {
        jobsBefore = jobs().size();
    }

    /** The kiosk's print jobs since {@link #snapshot()}. */
    List<String> jobsSinceSnapshot() throws IOException {
        List<String> all = jobs();
        return all.subList(Math.min(jobsBefore, all.size()), all.size());
    }

    /** Waits for the kiosk's one job since {@link #snapshot()} and for the PDF cups-pdf makes of it. */
    Path awaitPrintedCertificate(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (jobsSinceSnapshot().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        List<String> jobs = jobsSinceSnapshot();
        if (jobs.size() != 1) {
            throw new AssertionError("expected one print job from the kiosk, found " + jobs);
        }
        long left = Math.max(1_000, (deadline - System.nanoTime()) / 1_000_000);
        return KioskCups.awaitOutput(jobs.getFirst(), left);
    }

    private List<String> jobs() throws IOException {
        List<String> jobs = new ArrayList<>();
        if (Files.exists(kioskLog)) {
            Matcher matcher = JOB.matcher(Files.readString(kioskLog, StandardCharsets.UTF_8));
            while (matcher.find()) {
                jobs.add(matcher.group(1));
            }
        }
        return jobs;
    }
}
