package dev.shomei.printing.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.shomei.protocol.shc.ShcQrText;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The two QR codes a certificate carries, encoded as their specifications ask. */
public final class CertificateQr {
    /** SMART Health Cards: one QR code of version 22 at most (chunking is deprecated). */
    public static final int SHC_MAX_VERSION = 22;

    private CertificateQr() {
    }

    /**
     * The SMART Health Card QR: a byte segment {@code shc:/} and a numeric segment of the JWS digits,
     * error correction L, the smallest version.
     *
     * @throws QrCapacityException when the JWS needs more than version 22
     */
    public static QrCode smartHealthCard(String jws) {
        return QrEncoder.encode(smartHealthCardSegments(jws), ErrorCorrectionLevel.L, SHC_MAX_VERSION);
    }

    /** Exactly two segments: byte {@code shc:/}, then the numeric digits (two per JWS character). */
    static List<QrSegment> smartHealthCardSegments(String jws) {
        return List.of(QrSegment.ascii(ShcQrText.PREFIX), QrSegment.numeric(ShcQrText.digits(jws)));
    }

    /**
     * The VDS-NC QR: the seal JSON in one byte segment; error correction M when it fits version 40,
     * else L.
     */
    public static QrCode vdsNc(String seal) {
        List<QrSegment> segments = List.of(QrSegment.bytes(seal.getBytes(StandardCharsets.UTF_8)));
        try {
            return QrEncoder.encode(segments, ErrorCorrectionLevel.M, 40);
        } catch (QrCapacityException e) {
            return QrEncoder.encode(segments, ErrorCorrectionLevel.L, 40);
        }
    }
}
