package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import dev.shomei.record.users.DemoLogins;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 22 end to end: a certificate issued through the kiosk ({@code ./shomei issue}) verifies VALID
 * and "not revoked" against the backend's public trust endpoint; a supervisor voids it as LOST in the
 * clerk console (from a registered PC); {@code ./shomei verify --trust} then says REVOKED (exit 3) for
 * both the SMART Health Card and the VDS-NC seal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevokedAfterLostIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String CLERK_PC = "clerk-pc-revocation";

    Path state;
    SystemStack stack;

    @BeforeAll
    void startSystem() throws Exception {
        state = Files.createTempDirectory("shomei-system-revocation-");
        stack = SystemStack.start(state, null);
    }

    @AfterAll
    void stopSystem() throws Exception {
        if (stack != null) {
            stack.close();
            TreeDeleter.copy(stack.launcher.logs(), Path.of("target", "system-logs", getClass().getSimpleName()));
        }
        TreeDeleter.delete(state);
    }

    @Test
    void aCertificateVoidedAsLostVerifiesAsRevoked() throws Exception {
        Path card = DemoResidents.card(stack.launcher, DemoResidents.get(0), "1234", 3);
        Launcher.Result issued = stack.launcher.run(SystemStack.COMMAND_TIMEOUT, "issue", "--card", card.toString(),
                "--pin", "1234", "--municipality", "131059", "--type", "overseas", "--out", state.resolve("tray").toString(),
                "--center", stack.centerAddress());
        JsonNode result = JSON.readTree(issued.lastLine());
        assertEquals("PRINTED", result.path("result").asText(), issued::stdout);
        String certificateId = result.path("certificateIds").get(0).asText();
        Path pdf = Path.of(result.path("files").get(0).asText());

        Launcher.Result before = verify(pdf);
        assertEquals(0, before.exitCode(), before::stdout);
        assertTrue(before.stdout().contains("revocation: not revoked"), before::stdout);

        voidAsLost(certificateId);

        Launcher.Result after = verify(pdf);
        assertEquals(3, after.exitCode(), () -> after.stdout() + after.stderr());
        assertTrue(after.stdout().contains("REVOKED: revocation id"), after::stdout);
        assertTrue(after.stdout().contains("REVOKED: certificate " + certificateId), after::stdout);
        assertTrue(after.stdout().contains("2 QR code(s), 2 valid, 2 revoked: REVOKED"), after::stdout);
    }

    @Test
    void theBackendsPublicEndpointServesTheVerifierPageAndItsTrustFiles() throws Exception {
        Console anyone = new Console(DevPki.ensure(state.resolve("pki")).terminal(CLERK_PC), DevPki.ensure(state.resolve("pki")),
                "https://127.0.0.1:" + stack.trustPort);
        HttpResponse<String> page = anyone.get("/verify/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("jsQR.js"), "the verifier-web module's page, with its QR library");
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> script = anyone.get("/verify/js/shc.js");
        assertEquals(200, script.statusCode());
        for (String trustFile : List.of("/.well-known/jwks.json", "/trust/vds-nc/csca.crt", "/trust/vds-nc/revoked.json")) {
            HttpResponse<String> file = anyone.get(trustFile);
            assertEquals(200, file.statusCode(), trustFile);
            assertEquals("*", file.headers().firstValue("Access-Control-Allow-Origin").orElse(""), trustFile);
        }
    }

    private Launcher.Result verify(Path pdf) throws Exception {
        return stack.launcher.run(SystemStack.COMMAND_TIMEOUT, "verify", pdf.toString(),
                "--trust", "https://127.0.0.1:" + stack.trustPort, "--ca", state.resolve("pki/ca.crt").toString());
    }

    /** The supervisor's path in the clerk console: log in from a registered PC, open the void form, void as LOST. */
    private void voidAsLost(String certificateId) throws Exception {
        DevPki pki = DevPki.ensure(state.resolve("pki"));
        Files.createDirectories(state.resolve("backend"));
        Files.writeString(state.resolve("backend/console-pcs.txt"), CLERK_PC + "\n");
        Console console = new Console(pki.terminal(CLERK_PC), pki, "https://127.0.0.1:" + stack.jwksPort);
        DemoLogins.DemoLogin supervisor = DemoLogins.LOGINS.stream().filter(l -> l.id().equals("bunkyo-supervisor"))
                .findFirst().orElseThrow();
        console.get("/login");
        String code = Totp.standard().code(Base32.decode(supervisor.totpSecretBase32()), Instant.now());
        HttpResponse<String> login = console.post("/login", Map.of("user", supervisor.id(), "password", supervisor.password(),
                "code", code));
        assertEquals(303, login.statusCode(), login.body());
        HttpResponse<String> form = console.get("/issuances/" + certificateId + "/void");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("value=\"LOST\""), "the LOST reason is offered");
        HttpResponse<String> voided = console.post("/issuances/" + certificateId + "/void", Map.of("reason", "LOST", "note", ""));
        assertEquals(303, voided.statusCode(), voided.body());
    }

    /** A browser on a registered municipal PC: its client certificate, cookies and the form's CSRF token. */
    private static final class Console {
        private final HttpClient client;
        private final String origin;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String csrf = "";

        Console(TlsIdentity pc, DevPki pki, String origin) throws Exception {
            char[] password = "changeit".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("pc", pc.privateKey(), password, new Certificate[] {pc.certificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", pki.rootCaCertificate());
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            this.client = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            this.origin = origin;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", csrf);
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60));
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
                builder.header("Cookie", header.toString());
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return response;
        }
    }
}
