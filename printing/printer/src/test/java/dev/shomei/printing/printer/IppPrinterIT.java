package dev.shomei.printing.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IppPrinter against a scripted IPP server on a real socket: what it sends and how it reads outcomes. */
class IppPrinterIT {
    private HttpServer server;
    private final List<byte[]> requests = new CopyOnWriteArrayList<>();

    private URI start(Function<Integer, String> answers) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/printers/q", exchange -> {
            requests.add(exchange.getRequestBody().readAllBytes());
            byte[] body = HexFormat.of().parseHex(answers.apply(requests.size()));
            exchange.getResponseHeaders().add("Content-Type", "application/ipp");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("ipp://127.0.0.1:" + server.getAddress().getPort() + "/printers/q");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String jobAttributes(int status, int jobId, int state) {
        String hex = String.format("0101%04x00000001", status) + "02"
                + "21" + "0006" + ascii("job-id") + "0004" + String.format("%08x", jobId);
        if (state > 0) {
            hex += "23" + "0009" + ascii("job-state") + "0004" + String.format("%08x", state);
        }
        return hex + "03";
    }

    private static String ascii(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] pdf() {
        return "%PDF-1.7 certificate".getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sendsThePdfFromMemoryAndWaitsForCompletion() throws Exception {
        URI uri = start(n -> n == 1 ? jobAttributes(0, 5, 3) : n == 2 ? jobAttributes(0, 5, 5) : jobAttributes(0, 5, 9));
        new IppPrinter(uri, Duration.ofSeconds(10)).print(new PrintJob("cert-1", pdf(), 3));
        assertEquals(3, requests.size(), "Print-Job, then Get-Job-Attributes until completed");
        byte[] printJob = requests.get(0);
        assertEquals(0x0002, (printJob[2] << 8) | printJob[3]);
        byte[] tail = Arrays.copyOfRange(printJob, printJob.length - pdf().length, printJob.length);
        assertArrayEquals(pdf(), tail, "the document follows the attributes unchanged");
        String text = new String(printJob, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("application/pdf"));
        assertTrue(text.contains("cert-1"));
        assertTrue(text.contains("ipp://127.0.0.1:" + server.getAddress().getPort() + "/printers/q"));
        int copies = text.indexOf("copies");
        assertEquals(3, printJob[copies + "copies".length() + 5]);
        assertEquals(0x0009, (requests.get(1)[2] << 8) | requests.get(1)[3]);
    }

    @Test
    void aPurgedJobCountsAsFinished() throws Exception {
        URI uri = start(n -> n == 1 ? jobAttributes(0, 6, 3) : "0101040600000002" + "03");
        new IppPrinter(uri, Duration.ofSeconds(10)).print(new PrintJob("cert-2", pdf(), 1));
        assertEquals(2, requests.size());
    }

    @Test
    void refusalAbortAndTimeoutArePrinterErrors() throws Exception {
        List<String> script = new ArrayList<>(List.of("0101040000000001" + "03"));
        URI refused = start(n -> script.get(0));
        ShomeiException e = assertThrows(ShomeiException.class,
                () -> new IppPrinter(refused, Duration.ofSeconds(5)).print(new PrintJob("cert-3", pdf(), 1)));
        assertEquals(ErrorCode.PRINTER_ERROR, e.code());

        script.set(0, null);
        stop();
        URI aborted = start(n -> n == 1 ? jobAttributes(0, 7, 3) : jobAttributes(0, 7, 8));
        assertEquals(ErrorCode.PRINTER_ERROR, assertThrows(ShomeiException.class,
                () -> new IppPrinter(aborted, Duration.ofSeconds(5)).print(new PrintJob("cert-4", pdf(), 1))).code());

        stop();
        URI stuck = start(n -> jobAttributes(0, 8, 5));
        ShomeiException timeout = assertThrows(ShomeiException.class,
                () -> new IppPrinter(stuck, Duration.ofMillis(600)).print(new PrintJob("cert-5", pdf(), 1)));
        assertTrue(timeout.getMessage().contains("did not finish"), timeout.getMessage());
    }

    @Test
    void anUnreachablePrinterIsAPrinterError() {
        ShomeiException e = assertThrows(ShomeiException.class, () -> new IppPrinter(
                URI.create("ipp://127.0.0.1:9/printers/none"), Duration.ofSeconds(1)).print(new PrintJob("c", pdf(), 1)));
        assertEquals(ErrorCode.PRINTER_ERROR, e.code());
    }
}
