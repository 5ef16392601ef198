package dev.shomei.center.testing;

import dev.shomei.protocol.pki.DevPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A JDK HTTPS client for tests that trusts exactly the dev CA, and keeps one session cookie. */
public final class Https {
    private final HttpClient client;
    private final String base;
    private String cookie;
    private String csrf;

    public Https(DevPki pki, int port) {
        this.client = HttpClient.newBuilder().sslContext(trusting(pki)).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.base = "https://localhost:" + port;
    }

    public static SSLContext trusting(DevPki pki) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", pki.rootCaCertificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    public HttpClient client() {
        return client;
    }

    public void csrf(String token) {
        this.csrf = token;
    }

    public String cookie() {
        return cookie;
    }

    public void cookie(String value) {
        this.cookie = value;
    }

    public HttpResponse<String> get(String path) {
        return send(builder(path).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(builder(path).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    public HttpResponse<String> delete(String path) {
        return send(builder(path).DELETE().build());
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (csrf != null) {
            builder.header("X-CSRF-Token", csrf);
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<String> setCookie = response.headers().firstValue("Set-Cookie");
            setCookie.ifPresent(value -> cookie = value.split(";", 2)[0]);
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
