package dev.shomei.protocol.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 request written byte for byte over TLS: the request target goes out exactly as
 * given (an HTTP client library would normalise {@code ..} or re-encode {@code %2e}), which is
 * what a path traversal test needs.
 */
public final class RawHttps {
    /** Status code (-1: closed without an answer) and the whole response text. */
    public record Response(int status, String text) {
    }

    private RawHttps() {
    }

    /** Headers read and, when a Content-Length is given, that many body bytes (else: until the end). */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(text.substring(0, end));
        return length.find() && bytes.length >= end + 4 + Integer.parseInt(length.group(1));
    }

    public static Response get(SSLContext context, int port, String target) throws IOException {
        String request = "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n";
        try (SSLSocket socket = RawTls.connect(context, port)) {
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException closedWhileSending) {
                // the server refused and closed before the request was all sent (an oversized one); read its answer
            }
            socket.setSoTimeout(5_000);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; !complete(all.toByteArray()) && (n = in.read(buffer)) >= 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (IOException endOfAnswer) {
                // timeout (the server keeps the connection) or reset: what arrived is the answer
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Response(status, text);
        }
    }
}
