package dev.shomei.protocol.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;

/**
 * A hand-made TLS ClientHello that offers only an old version (TLS 1.0, 1.1 or 1.2, no
 * supported_versions extension), sent over a plain socket: what a downgrading client or a
 * man-in-the-middle stripping TLS 1.3 would send. The JDK client cannot be used for TLS 1.0/1.1 (it
 * refuses to offer them), so the bytes are written here. A TLS 1.3-only server must answer with an
 * alert or close; a server that accepts the version answers with a handshake record (0x16).
 */
public final class TlsProbe {
    /** What the server did with the offer. */
    public enum Answer {
        /** A handshake record came back: the server negotiates this version. */
        HANDSHAKE,
        /** A TLS alert came back. */
        ALERT,
        /** The connection was closed or reset without an answer. */
        CLOSED,
        /** Something else (not TLS) came back. */
        OTHER
    }

    public static final int TLS_1_0 = 0x0301;
    public static final int TLS_1_1 = 0x0302;
    public static final int TLS_1_2 = 0x0303;

    private TlsProbe() {
    }

    /** Offers {@code version} to host:port and reports the first thing the server sends. */
    public static Answer offer(String host, int port, int version) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(clientHello(version));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (SocketTimeoutException e) {
                return Answer.OTHER;
            } catch (IOException reset) {
                return Answer.CLOSED;
            }
            return switch (first) {
                case -1 -> Answer.CLOSED;
                case 0x15 -> Answer.ALERT;
                case 0x16 -> Answer.HANDSHAKE;
                default -> Answer.OTHER;
            };
        }
    }

    /** True when the server refused the offer (alert or close), as a TLS 1.3-only server must. */
    public static boolean refuses(String host, int port, int version) throws IOException {
        Answer answer = offer(host, port, version);
        return answer == Answer.ALERT || answer == Answer.CLOSED;
    }

    /** The ClientHello record offering only {@code version} (exposed for slow-client tests). */
    public static byte[] clientHello(int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version); // client_version
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        // ECDHE-ECDSA/RSA with AES-GCM (1.2) and AES-CBC (1.0/1.1), plain RSA: what such clients offer
        int[] suites = {0xC02B, 0xC02F, 0xC009, 0xC013, 0xC00A, 0xC014, 0x009C, 0x002F, 0x0035};
        u16(body, suites.length * 2);
        for (int suite : suites) {
            u16(body, suite);
        }
        body.write(1); // compression methods: null only
        body.write(0);
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        extension(extensions, 0x000A, new byte[] {0x00, 0x04, 0x00, 0x17, 0x00, 0x1D}); // groups: P-256, X25519
        extension(extensions, 0x000B, new byte[] {0x01, 0x00}); // point formats: uncompressed
        if (version >= TLS_1_2) {
            extension(extensions, 0x000D, new byte[] {0x00, 0x06, 0x04, 0x03, 0x08, 0x04, 0x04, 0x01}); // sig algs
        }
        extension(extensions, 0xFF01, new byte[] {0x00}); // renegotiation_info
        u16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(0x01); // ClientHello
        u24(handshake, body.size());
        handshake.writeBytes(body.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x16);
        u16(record, TLS_1_0); // record layer version, as real clients send
        u16(record, handshake.size());
        record.writeBytes(handshake.toByteArray());
        return record.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    private static void u24(ByteArrayOutputStream out, int value) {
        out.write(value >> 16);
        u16(out, value);
    }
}
