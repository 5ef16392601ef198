package dev.shomei.system;

import dev.shomei.printing.printer.KioskCups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What came out of the real CUPS printer: the PDFs cups-pdf writes for the kiosk's jobs (job name
 * {@code certificate-<transaction id>}). The kiosk runs in another JVM and never tells the test its
 * transaction id, so a new print is whatever certificate PDF was not there at {@link #snapshot()}.
 */
final class CupsPaper {
    private final List<Path> directories;
    private final Set<Path> before = new HashSet<>();

    private CupsPaper(List<Path> directories) {
        this.directories = directories;
    }

    /** The cups-pdf queue ready (CUPS started if needed; missing CUPS fails under CI=true, skips otherwise). */
    static CupsPaper prepare() throws Exception {
        KioskCups.ensureRunningWithQueue();
        return new CupsPaper(KioskCups.outputDirectories());
    }

    static String queue() {
        return KioskCups.QUEUE;
    }

    /** Where cups-pdf writes: the resident's paper, outside the leftover scan. */
    List<Path> directories() {
        return directories;
    }

    /** Remembers the certificate PDFs already printed. */
    void snapshot() throws IOException {
        before.clear();
        before.addAll(certificates());
    }

    /** Waits for one certificate PDF printed since {@link #snapshot()}, complete (its size stable). */
    Path awaitNewCertificate(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> printed = certificates().stream().filter(p -> !before.contains(p)).findFirst();
            if (printed.isPresent() && complete(printed.get())) {
                return printed.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("cups-pdf wrote no new certificate PDF within " + timeout + " in " + directories);
    }

    /** The certificate PDFs printed since {@link #snapshot()}. */
    List<Path> printedSinceSnapshot() throws IOException {
        return certificates().stream().filter(p -> !before.contains(p)).toList();
    }

    private List<Path> certificates() throws IOException {
        Set<Path> found = new HashSet<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory, 2)) {
                files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains("certificate-")
                        && p.getFileName().toString().endsWith(".pdf")).forEach(p -> found.add(p.toAbsolutePath().normalize()));
            }
        }
        return List.copyOf(found);
    }

    private static boolean complete(Path file) throws IOException, InterruptedException {
        long size = Files.size(file);
        Thread.sleep(500);
        return size > 0 && Files.size(file) == size;
    }
}
