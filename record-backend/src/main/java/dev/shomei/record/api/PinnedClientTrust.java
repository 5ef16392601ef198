package dev.shomei.record.api;

import dev.shomei.protocol.pki.TlsIdentity;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The API's TLS: the server presents the backend's certificate; a client is accepted only when its
 * chain validates to the trusted CA <em>and</em> its certificate is one of the pinned ones (the
 * center's client certificate). A kiosk's certificate from the same CA fails the handshake.
 */
public final class PinnedClientTrust {
    private PinnedClientTrust() {
    }

    /** An SSL context for the API listener. */
    public static SSLContext sslContext(TlsIdentity server, X509Certificate trustedCa, List<X509Certificate> allowedClients) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] password = "in-memory".toCharArray();
            keys.setKeyEntry("server", server.privateKey(), password,
                    new X509Certificate[] {server.certificate(), trustedCa});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trustedCa);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
            X509ExtendedTrustManager chainCheck = (X509ExtendedTrustManager) trustManagers.getTrustManagers()[0];

            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers.getKeyManagers(), new javax.net.ssl.TrustManager[] {
                    new Pinned(chainCheck, List.copyOf(allowedClients))}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up the API's TLS", e);
        }
    }

    /** Validates the chain with PKIX, then requires the leaf to be pinned. */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager chain;
        private final List<X509Certificate> allowed;

        Pinned(X509ExtendedTrustManager chain, List<X509Certificate> allowed) {
            this.chain = chain;
            this.allowed = allowed;
        }

        private void pinned(X509Certificate[] certificates) throws CertificateException {
            if (certificates == null || certificates.length == 0 || !allowed.contains(certificates[0])) {
                throw new CertificateException("client certificate is not the center's");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
                throws CertificateException {
            chain.checkClientTrusted(certificates, authType, socket);
            pinned(certificates);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
                throws CertificateException {
            chain.checkClientTrusted(certificates, authType, engine);
            pinned(certificates);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            chain.checkClientTrusted(certificates, authType);
            pinned(certificates);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("the API does not act as a client");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("the API does not act as a client");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            throw new CertificateException("the API does not act as a client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return chain.getAcceptedIssuers();
        }
    }
}
