package dev.shomei.printing.verify;

import dev.shomei.protocol.pki.KeySource;
import dev.shomei.protocol.pki.Pem;
import dev.shomei.protocol.shc.EcJwk;
import dev.shomei.protocol.shc.Jwks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Where a verifier's trust comes from: a JWKS file or URL, a CSCA certificate file, or the state directory's keys. */
public final class TrustSources {
    private static final int MAX_JWKS_BYTES = 1 << 20;

    private TrustSources() {
    }

    /**
     * A JWKS from a file, or from an http(s) URL. For https the system trust store is used, or only
     * {@code caFile} (e.g. the dev root CA) when given. Never an insecure trust manager.
     */
    public static Jwks jwks(String location, Path caFile) throws IOException {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            return Jwks.parse(fetch(URI.create(location), caFile, "JWKS"));
        }
        return Jwks.parse(Files.readString(Path.of(location), StandardCharsets.UTF_8));
    }

    /** Every SMART Health Card issuer key of a key source ({@code shc/*.pub}: issuer-1 and rotated ones). */
    public static Jwks devJwks(KeySource pki) throws IOException {
        List<EcJwk> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pki.shcDir(), "*.pub")) {
            for (Path file : files) {
                PublicKey key = Pem.readPublicKey(file);
                try {
                    EcJwk jwk = EcJwk.of(key);
                    if (keys.stream().noneMatch(existing -> existing.kid().equals(jwk.kid()))) {
                        keys.add(jwk);
                    }
                } catch (IllegalArgumentException notP256) {
                    // not an issuer key
                }
            }
        }
        return new Jwks(keys);
    }

    public static X509Certificate certificate(Path pemFile) {
        return Pem.readCertificate(pemFile);
    }

    /** An http(s) document of at most 1 MiB (4 MiB for lists); {@code what} names it in errors. */
    static String fetch(URI uri, Path caFile, String what) throws IOException {
        int limit = what.contains("list") ? 4 * MAX_JWKS_BYTES : MAX_JWKS_BYTES;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (caFile != null) {
            builder.sslContext(trusting(Pem.readCertificate(caFile)));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json").GET().build();
        try (HttpClient client = builder.build()) {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(what + " request answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(limit + 1);
                if (bytes.length > limit) {
                    throw new IOException(what + " is larger than " + limit + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the " + what, e);
        }
    }

    /** A TLS context that trusts exactly one CA certificate. */
    static SSLContext trusting(X509Certificate ca) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build a TLS context for the CA", e);
        }
    }
}
