package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.protocol.pki.DevPki;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A browser stand-in over real HTTPS trusting only the dev CA: keeps cookies by hand, follows no
 * redirects, picks the CSRF token from the last page, and remembers every response body so a test
 * can check that no page ever carried a My Number.
 */
public final class ConsoleHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client;
    private final String origin;
    public final Map<String, String> cookies = new LinkedHashMap<>();
    final List<byte[]> bodies = new ArrayList<>();
    public String csrf = "";

    public ConsoleHttp(DevPki pki, String origin) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", pki.rootCaCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(null, factory.getTrustManagers(), null);
        this.client = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.origin = origin;
    }

    public HttpResponse<byte[]> get(String path) throws Exception {
        return send(builder(path).GET());
    }

    public HttpResponse<byte[]> post(String path, Map<String, String> form) throws Exception {
        return post(path, form, true);
    }

    public HttpResponse<byte[]> post(String path, Map<String, String> form, boolean withCsrf) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (withCsrf && !fields.containsKey("_csrf")) {
            fields.put("_csrf", csrf);
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            builder.header("Cookie", header.toString());
        }
        return builder;
    }

    public HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        bodies.add(response.body());
        Matcher matcher = CSRF.matcher(text(response));
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** GET /login, then POST the credentials; returns the POST's response. */
    public HttpResponse<byte[]> login(String user, String password, String code) throws Exception {
        assertEquals(200, get("/login").statusCode());
        return post("/login", Map.of("user", user, "password", password, "code", code));
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public static String location(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
