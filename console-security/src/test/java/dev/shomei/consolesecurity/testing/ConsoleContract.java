package dev.shomei.consolesecurity.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * One security suite both consoles run over real HTTPS (the operator console in center-server, the
 * clerk console in record-backend each extend it with their own server): the security headers, a
 * request size limit on every route that answers from the header alone, and no cross-site POST.
 */
public abstract class ConsoleContract {
    /** The console's port on 127.0.0.1. */
    protected abstract int port();

    /** TLS trusting the console's CA (and presenting a registered PC's certificate where required). */
    protected abstract SSLContext tls();

    /** Routes that take a POST body, the login first. */
    protected abstract List<String> postRoutes();

    @Test
    void theLoginPageCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = HttpClient.newBuilder().sslContext(tls()).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port() + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(login.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertTrue(login.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="));
    }

    @Test
    void aDeclaredHugeBodyIsRefusedOnEveryRouteBeforeItIsRead() throws Exception {
        for (String route : postRoutes()) {
            try (SSLSocket socket = (SSLSocket) tls().getSocketFactory().createSocket("127.0.0.1", port())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("POST " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (3L << 30) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertTrue(status != null && status.startsWith("HTTP/1.1 413"), route + ": " + status);
            }
        }
    }

    @Test
    void aCrossSiteLoginPostIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(tls()).version(HttpClient.Version.HTTP_1_1)
                .build().send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port() + postRoutes().getFirst()))
                        .header("Origin", "https://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode(), response.body());
    }
}
