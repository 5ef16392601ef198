package dev.shomei.printing.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.printing.verify.CertificateVerifier;
import dev.shomei.printing.verify.QrScanner;
import dev.shomei.printing.verify.ScannedQr;
import dev.shomei.printing.verify.Verdict;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints a certificate through the real CUPS scheduler into cups-pdf and reads the QR codes back. */
class CupsPrinterIT {
    @TempDir
    static Path dir;
    static PrintingFixtures fixtures;

    @BeforeAll
    static void cups() throws Exception {
        LocalCups.ensureRunningWithQueue();
        fixtures = new PrintingFixtures(dir);
    }

    @Test
    void printsFromMemoryAndTheCupsPdfOutputStillVerifies() throws Exception {
        byte[] pdf = new CertificateRenderer(PrintingFixtures.font())
                .render(fixtures.sign(CertificateFixtures.overseas(3)));
        String jobName = "shomei-it-" + UUID.randomUUID().toString().substring(0, 8);
        PrintJob job = new PrintJob(jobName, pdf, 1);
        IppPrinter.localCups(LocalCups.QUEUE, Duration.ofMinutes(2)).print(job);

        Path printed = LocalCups.awaitOutput(jobName, 120_000);
        try {
            byte[] output = Files.readAllBytes(printed);
            assertTrue(new String(output, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
            List<ScannedQr> codes = new QrScanner().scan(output);
            assertEquals(2, codes.size(), "both QR codes survive the print path");
            CertificateVerifier verifier = new CertificateVerifier(new SmartHealthCardVerifier(fixtures.jwks()),
                    new VdsNcVerifier(List.of(fixtures.pki().vdsCscaCertificate())));
            for (ScannedQr code : codes) {
                Verdict verdict = verifier.verify(code);
                assertTrue(verdict.valid(), verdict.reason());
            }
        } finally {
            Files.deleteIfExists(printed);
        }
        assertNoSpoolFileHolds(pdf);
        job.wipe();
        assertEquals(0, job.pdf()[0]);
    }

    /** With PreserveJobFiles No the scheduler deletes the document once the job is done. */
    private static void assertNoSpoolFileHolds(byte[] pdf) throws Exception {
        Path spool = Path.of("/var/spool/cups");
        if (!Files.isReadable(spool)) {
            return; // only root can look; CI runs as root
        }
        for (int attempt = 0; ; attempt++) {
            List<Path> copies;
            try (var files = Files.list(spool)) {
                copies = files.filter(Files::isRegularFile).filter(file -> sameBytes(file, pdf)).toList();
            }
            if (copies.isEmpty()) {
                return;
            }
            if (attempt == 50) {
                throw new AssertionError("CUPS kept the certificate in " + copies);
            }
            Thread.sleep(100);
        }
    }

    private static boolean sameBytes(Path file, byte[] pdf) {
        try {
            return Files.size(file) == pdf.length && java.util.Arrays.equals(Files.readAllBytes(file), pdf);
        } catch (java.io.IOException e) {
            return false; // deleted meanwhile
        }
    }

    @Test
    void anUnknownQueueIsAPrinterError() throws Exception {
        byte[] pdf = new CertificateRenderer(PrintingFixtures.font())
                .render(fixtures.sign(CertificateFixtures.domestic(1)));
        ShomeiException e = assertThrows(ShomeiException.class, () -> IppPrinter.localCups("no-such-queue",
                Duration.ofSeconds(10)).print(new PrintJob("shomei-it-missing", pdf, 1)));
        assertEquals(ErrorCode.PRINTER_ERROR, e.code());
    }
}
