package dev.shomei.printing.printer;

import dev.shomei.printing.testing.PrintingFixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's CUPS scheduler for integration tests: started if it is not running (as root), with a
 * cups-pdf queue created by {@code lpadmin}. A scheduler this JVM started runs in the foreground as
 * its child and is stopped when the JVM exits, so a test run leaves no daemon behind. Missing CUPS
 * fails the test under CI=true and skips it otherwise.
 */
final class LocalCups {
    static final String QUEUE = "shomei-test-pdf";
    private static final Path CUPS_PDF_CONF = Path.of("/etc/cups/cups-pdf.conf");

    private LocalCups() {
    }

    static void ensureRunningWithQueue() throws Exception {
        if (!listening()) {
            if (!Files.isExecutable(Path.of("/usr/sbin/cupsd"))) {
                unavailable("cupsd is not installed (apt-get install cups cups-client printer-driver-cups-pdf)");
            }
            if (!"root".equals(System.getProperty("user.name"))) {
                unavailable("cupsd is not running and only root can start it");
            }
            startOwnScheduler();
            for (int i = 0; i < 100 && !listening(); i++) {
                Thread.sleep(100);
            }
            if (!listening()) {
                unavailable("cupsd did not start listening on localhost:631");
            }
        }
        keepNoJobFilesOrHistory();
        Path ppd = cupsPdfPpd().orElse(null);
        if (ppd == null || !Files.exists(Path.of("/usr/lib/cups/backend/cups-pdf"))) {
            unavailable("printer-driver-cups-pdf is not installed");
        }
        run("lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", ppd.toString());
        run("cupsenable", QUEUE);
        run("cupsaccept", QUEUE);
    }

    /** cupsd in the foreground (-f) as this JVM's child, stopped by a shutdown hook. */
    private static void startOwnScheduler() throws IOException {
        Process cupsd = new ProcessBuilder("/usr/sbin/cupsd", "-f").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cupsd.destroy();
            try {
                if (!cupsd.waitFor(10, TimeUnit.SECONDS)) {
                    cupsd.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-test-cupsd"));
    }

    /** The settings docs/certificate.md asks for: CUPS keeps neither job files nor job history. */
    private static void keepNoJobFilesOrHistory() throws Exception {
        Path conf = Path.of("/etc/cups/cupsd.conf");
        List<String> lines = Files.isReadable(conf) ? Files.readAllLines(conf) : List.of();
        if (lines.contains("PreserveJobFiles No") && lines.contains("PreserveJobHistory No")) {
            return;
        }
        run("cupsctl", "PreserveJobFiles=No", "PreserveJobHistory=No"); // restarts the scheduler
        Thread.sleep(1000);
        for (int i = 0; i < 100 && !listening(); i++) {
            Thread.sleep(100);
        }
    }

    /** Where cups-pdf may write: its Out directory for local users and its directory for anonymous jobs. */
    static List<Path> outputDirectories() throws IOException {
        List<Path> directories = new ArrayList<>();
        String out = "${HOME}/PDF";
        String anonymous = "/var/spool/cups-pdf/ANONYMOUS";
        if (Files.exists(CUPS_PDF_CONF)) {
            for (String line : Files.readAllLines(CUPS_PDF_CONF, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+", 2);
                if (parts.length == 2 && parts[0].equals("Out")) {
                    out = parts[1];
                } else if (parts.length == 2 && parts[0].equals("AnonDirName")) {
                    anonymous = parts[1];
                }
            }
        }
        directories.add(Path.of(anonymous));
        directories.add(Path.of(out.replace("${HOME}", System.getProperty("user.home")).replace("${USER}",
                System.getProperty("user.name"))));
        directories.add(Path.of("/var/spool/cups-pdf"));
        return directories;
    }

    /** Waits for the PDF cups-pdf writes for a job (its file name carries the job name). */
    static Path awaitOutput(String jobName, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (Path directory : outputDirectories()) {
                if (!Files.isDirectory(directory)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(directory, 2)) {
                    Optional<Path> found = files.filter(file -> file.getFileName().toString().contains(jobName)
                            && file.getFileName().toString().endsWith(".pdf")).findFirst();
                    if (found.isPresent() && Files.size(found.get()) > 0 && stable(found.get())) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("cups-pdf wrote no PDF for job " + jobName + " in " + outputDirectories());
    }

    private static boolean stable(Path file) throws Exception {
        long size = Files.size(file);
        Thread.sleep(300);
        return Files.size(file) == size;
    }

    private static Optional<Path> cupsPdfPpd() throws IOException {
        Path root = Path.of("/usr/share/ppd");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().startsWith("CUPS-PDF")
                    && file.getFileName().toString().endsWith(".ppd")).sorted().findFirst();
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 631), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void unavailable(String reason) {
        if (PrintingFixtures.isCi()) {
            throw new AssertionError("CUPS is required with CI=true: " + reason);
        }
        Assumptions.abort(reason);
    }
}
