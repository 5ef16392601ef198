package dev.shomei.protocol.line.tls;

import dev.shomei.protocol.pki.TlsIdentity;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * Builds the line's {@link SslContext}s: TLS 1.3 only, mutual authentication required, trusting
 * only the CA certificate(s) in {@code trustedCaPem}. The client also checks that the server's
 * certificate names the host it dialled (HTTPS-style endpoint identification).
 */
public final class LineTls {
    /** The only protocol version the line accepts. */
    public static final String PROTOCOL = "TLSv1.3";

    private LineTls() {
    }

    /** The center's side: presents {@code identity}, requires a client certificate from the CA. */
    public static SslContext serverContext(TlsIdentity identity, Path trustedCaPem) {
        return serverContext(identity.privateKey(), List.of(identity.certificate()), trustedCaPem);
    }

    public static SslContext serverContext(PrivateKey key, List<X509Certificate> chain, Path trustedCaPem) {
        SslContextBuilder builder = SslContextBuilder.forServer(key, requireChain(chain))
                .clientAuth(ClientAuth.REQUIRE);
        return build(builder, trustedCaPem);
    }

    /** The kiosk's side: presents {@code identity}, accepts only a server certificate from the CA. */
    public static SslContext clientContext(TlsIdentity identity, Path trustedCaPem) {
        return clientContext(identity.privateKey(), List.of(identity.certificate()), trustedCaPem);
    }

    public static SslContext clientContext(PrivateKey key, List<X509Certificate> chain, Path trustedCaPem) {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .keyManager(key, requireChain(chain))
                .endpointIdentificationAlgorithm("HTTPS");
        return build(builder, trustedCaPem);
    }

    private static SslContext build(SslContextBuilder builder, Path trustedCaPem) {
        Objects.requireNonNull(trustedCaPem, "trustedCaPem");
        if (!Files.isReadable(trustedCaPem)) {
            throw new IllegalArgumentException("CA certificate not readable: " + trustedCaPem);
        }
        try {
            return builder
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOL)
                    .trustManager(trustedCaPem.toFile())
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot build the line's TLS context: " + e.getMessage(), e);
        }
    }

    private static X509Certificate[] requireChain(List<X509Certificate> chain) {
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain is empty");
        }
        return chain.toArray(X509Certificate[]::new);
    }
}
