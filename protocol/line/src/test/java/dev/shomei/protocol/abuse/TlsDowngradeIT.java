package dev.shomei.protocol.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.line.transport.LineServer;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downgrade attempts on the line: TLS 1.0, 1.1 and 1.2 offers are refused by the line server. A
 * control proves the probe is a well-formed offer: a JDK server that does allow TLS 1.2 answers it
 * with a handshake.
 */
class TlsDowngradeIT {
    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
    }

    @Test
    void theProbeIsAValidTls12OfferThatATls12ServerAnswers() throws Exception {
        SSLContext context = serverContext(pki.centerServer());
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            ExecutorService accept = Executors.newSingleThreadExecutor();
            accept.submit(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                } catch (Exception expected) {
                    // the probe hangs up after the first answer
                }
                return null;
            });
            assertEquals(TlsProbe.Answer.HANDSHAKE, TlsProbe.offer("127.0.0.1", server.getLocalPort(), TlsProbe.TLS_1_2));
            accept.shutdownNow();
        }
    }

    @Test
    void theLineServerRefusesTls10And11And12Offers() throws Exception {
        try (LineServer server = LineServer.start(new InetSocketAddress("127.0.0.1", 0),
                LineTls.serverContext(pki.centerServer(), pki.rootCaPem()), LineSettings.server(),
                () -> new io.netty.channel.ChannelInboundHandlerAdapter())) {
            for (int version : new int[] {TlsProbe.TLS_1_0, TlsProbe.TLS_1_1, TlsProbe.TLS_1_2}) {
                assertTrue(TlsProbe.refuses("127.0.0.1", server.port(), version),
                        "the line accepted an offer of version " + Integer.toHexString(version));
            }
        }
    }

    static SSLContext serverContext(TlsIdentity identity) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("key", identity.privateKey(), new char[0],
                new java.security.cert.Certificate[] {identity.certificate()});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
