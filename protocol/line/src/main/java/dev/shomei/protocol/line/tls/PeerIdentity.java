package dev.shomei.protocol.line.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;

/**
 * Who is on the other end of a line connection: the CN of the certificate it presented during the
 * TLS handshake. For a kiosk, that CN is its terminal id.
 */
public final class PeerIdentity {

    private PeerIdentity() {
    }

    /**
     * The CN of the peer's certificate.
     *
     * @throws IllegalStateException when the channel has no TLS handler, the handshake is not
     *                               complete, or the certificate has no CN
     */
    public static String commonName(Channel channel) {
        return commonName(peerCertificate(channel));
    }

    /** The terminal id of the kiosk on {@code channel} (= {@link #commonName(Channel)}). */
    public static String terminalId(Channel channel) {
        return commonName(channel);
    }

    /** The CN, or empty when there is no verified peer yet (for log lines). */
    public static Optional<String> commonNameIfKnown(Channel channel) {
        try {
            return Optional.of(commonName(channel));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    public static X509Certificate peerCertificate(Channel channel) {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            throw new IllegalStateException("the channel has no TLS handler");
        }
        if (!tls.handshakeFuture().isSuccess()) {
            throw new IllegalStateException("the TLS handshake has not completed");
        }
        try {
            Certificate[] chain = tls.engine().getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                throw new IllegalStateException("the peer presented no X.509 certificate");
            }
            return leaf;
        } catch (SSLPeerUnverifiedException e) {
            throw new IllegalStateException("the peer is not authenticated", e);
        }
    }

    /** The (last, most specific) CN attribute of the certificate's subject. */
    public static String commonName(X509Certificate certificate) {
        X500Principal subject = certificate.getSubjectX500Principal();
        try {
            String cn = null;
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cn = rdn.getValue().toString();
                }
            }
            if (cn == null || cn.isEmpty()) {
                throw new IllegalStateException("the certificate subject has no CN");
            }
            return cn;
        } catch (InvalidNameException e) {
            throw new IllegalStateException("unparseable certificate subject", e);
        }
    }
}
