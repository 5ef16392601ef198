package dev.shomei.protocol.abuse;

import dev.shomei.protocol.pki.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Plain JDK TLS 1.3 sockets with a chosen client identity: an attacker's kiosk that writes raw bytes. */
public final class RawTls {
    private RawTls() {
    }

    public static SSLContext context(TlsIdentity client, X509Certificate trusted) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            if (client != null) {
                keys.setKeyEntry("client", client.privateKey(), new char[0],
                        new java.security.cert.Certificate[] {client.certificate()});
            }
            KeyManagerFactory keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyFactory.init(keys, new char[0]);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trusted);
            TrustManagerFactory trustFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustFactory.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connected socket whose handshake has completed (or failed with an IOException). */
    public static SSLSocket connect(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        return socket;
    }

    /**
     * Reads until the peer closes; true when it did so within {@code within}. Bytes the peer sends
     * first (a Refusal frame) are returned through {@code received}.
     */
    public static boolean closedByPeer(Socket socket, Duration within, java.io.ByteArrayOutputStream received) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)));
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        return true;
                    }
                    received.write(buffer, 0, n);
                } catch (SocketTimeoutException stillOpen) {
                    // keep waiting
                }
            }
            return false;
        } catch (IOException reset) {
            return true; // reset, or a TLS close: closed either way
        }
    }
}
