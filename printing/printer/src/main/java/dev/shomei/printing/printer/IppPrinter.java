package dev.shomei.printing.printer;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints through CUPS (or any IPP printer) with an IPP Print-Job request whose body is the PDF held
 * in memory, then follows the job with Get-Job-Attributes until it is completed, aborted or
 * canceled.
 *
 * <p>Why not {@code javax.print}: on Linux the JDK's print service writes the document to a
 * temporary file and hands it to {@code lpr}; the kiosk must not put a certificate on its disk.
 * This client speaks the same IPP that {@code javax.print}'s CUPS service would, over HTTP to the
 * local scheduler.
 */
public final class IppPrinter implements Printer {
    private static final System.Logger LOG = System.getLogger(IppPrinter.class.getName());
    private static final AtomicInteger REQUEST_IDS = new AtomicInteger(1);
    private static final int JOB_COMPLETED = 9;
    private static final int JOB_ABORTED = 8;
    private static final int JOB_CANCELED = 7;
    private static final int JOB_STOPPED = 6;
    private static final int NOT_FOUND = 0x0406;

    private final URI httpUri;
    private final String printerUri;
    private final Duration completionTimeout;
    private final HttpClient http;

    /**
     * @param printerUri        e.g. {@code ipp://localhost:631/printers/kiosk} (sent over http to port 631)
     * @param completionTimeout how long to wait for the job to finish printing
     */
    public IppPrinter(URI printerUri, Duration completionTimeout) {
        if (!"ipp".equals(printerUri.getScheme()) && !"http".equals(printerUri.getScheme())) {
            throw new IllegalArgumentException("printer URI must be ipp:// or http://");
        }
        int port = printerUri.getPort() < 0 ? 631 : printerUri.getPort();
        this.httpUri = URI.create("http://" + printerUri.getHost() + ":" + port + printerUri.getRawPath());
        this.printerUri = "ipp://" + printerUri.getHost() + ":" + port + printerUri.getRawPath();
        this.completionTimeout = completionTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A queue of the local CUPS scheduler. */
    public static IppPrinter localCups(String queue, Duration completionTimeout) {
        if (!queue.matches("[A-Za-z0-9_.-]{1,127}")) {
            throw new IllegalArgumentException("CUPS queue names are letters, digits, '_', '.' and '-'");
        }
        return new IppPrinter(URI.create("ipp://localhost:631/printers/" + queue), completionTimeout);
    }

    @Override
    public void print(PrintJob job) {
        IppMessage.Request request = new IppMessage.Request(IppMessage.PRINT_JOB, REQUEST_IDS.getAndIncrement())
                .string(IppMessage.VALUE_URI, "printer-uri", printerUri)
                .string(IppMessage.VALUE_NAME, "requesting-user-name", "shomei")
                .string(IppMessage.VALUE_NAME, "job-name", job.name())
                .string(IppMessage.VALUE_MIME_TYPE, "document-format", "application/pdf")
                .group(IppMessage.TAG_JOB)
                .integer(IppMessage.VALUE_INTEGER, "copies", job.copies());
        byte[] body = request.toBytes(job.pdf());
        IppMessage.Response response;
        try {
            response = send(body);
        } finally {
            java.util.Arrays.fill(body, (byte) 0); // the request held a copy of the certificate
        }
        if (!response.successful()) {
            throw failure(job, "printer refused the job (IPP status 0x" + Integer.toHexString(response.status()) + ")");
        }
        Object jobId = response.first(IppMessage.TAG_JOB, "job-id");
        if (!(jobId instanceof Integer id)) {
            throw failure(job, "printer answered without a job id");
        }
        LOG.log(System.Logger.Level.INFO, "IPP job {0} accepted as {1}", job.name(), id);
        awaitCompletion(job, id);
    }

    private void awaitCompletion(PrintJob job, int jobId) {
        Instant deadline = Instant.now().plus(completionTimeout);
        while (true) {
            IppMessage.Response response = send(new IppMessage.Request(IppMessage.GET_JOB_ATTRIBUTES,
                    REQUEST_IDS.getAndIncrement())
                    .string(IppMessage.VALUE_URI, "printer-uri", printerUri)
                    .integer(IppMessage.VALUE_INTEGER, "job-id", jobId)
                    .string(IppMessage.VALUE_NAME, "requesting-user-name", "shomei")
                    .string(IppMessage.VALUE_KEYWORD, "requested-attributes", "job-state")
                    .additional(IppMessage.VALUE_KEYWORD, "job-state-reasons")
                    .toBytes(null));
            if (response.status() == NOT_FOUND) {
                // PreserveJobHistory No: the scheduler forgets a job as soon as it is finished
                LOG.log(System.Logger.Level.INFO, "IPP job {0} finished and purged", jobId);
                return;
            }
            if (!response.successful()) {
                throw failure(job, "cannot follow job " + jobId + " (IPP status 0x"
                        + Integer.toHexString(response.status()) + ")");
            }
            Object state = response.first(IppMessage.TAG_JOB, "job-state");
            List<Object> reasons = response.all(IppMessage.TAG_JOB, "job-state-reasons");
            if (state instanceof Integer s) {
                if (s == JOB_COMPLETED) {
                    LOG.log(System.Logger.Level.INFO, "IPP job {0} completed", jobId);
                    return;
                }
                if (s == JOB_ABORTED || s == JOB_CANCELED || s == JOB_STOPPED) {
                    throw failure(job, "job " + jobId + " ended in state " + s + " " + reasons);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure(job, "job " + jobId + " did not finish within " + completionTimeout + " " + reasons);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private IppMessage.Response send(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(httpUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/ipp")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ShomeiException(ErrorCode.PRINTER_ERROR, "IPP server answered HTTP " + response.statusCode());
            }
            return IppMessage.parse(response.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new ShomeiException(ErrorCode.PRINTER_ERROR, "cannot reach the printer at " + httpUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShomeiException(ErrorCode.PRINTER_ERROR, "interrupted while printing", e);
        }
    }

    private static ShomeiException failure(PrintJob job, String message) {
        return new ShomeiException(ErrorCode.PRINTER_ERROR, "print job " + job.name() + ": " + message);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShomeiException(ErrorCode.PRINTER_ERROR, "interrupted while waiting for the printer", e);
        }
    }
}
