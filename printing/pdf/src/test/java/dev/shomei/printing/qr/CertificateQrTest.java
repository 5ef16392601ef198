package dev.shomei.printing.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.shc.EcShcSigner;
import dev.shomei.protocol.shc.ShcQrText;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CertificateQrTest {
    private static final SmartHealthCardIssuer ISSUER = new SmartHealthCardIssuer("https://issuer.shomei.example",
            new EcShcSigner(CertificateFixtures.rfc6979Key()));

    @Test
    void smartHealthCardIsByteShcThenNumericAtLevelL() throws Exception {
        String jws = ISSUER.issue(CertificateFixtures.domestic(3), Instant.parse("2024-05-01T00:00:00Z"));
        List<QrSegment> segments = CertificateQr.smartHealthCardSegments(jws);
        assertEquals(2, segments.size());
        assertEquals(Mode.BYTE, segments.get(0).mode());
        assertEquals(5, segments.get(0).characters());
        assertEquals(Mode.NUMERIC, segments.get(1).mode());
        assertEquals(2 * jws.length(), segments.get(1).characters());

        QrCode code = CertificateQr.smartHealthCard(jws);
        assertEquals(ErrorCorrectionLevel.L, code.level());
        assertEquals(ShcQrText.encode(jws), QrEncoderTest.decode(code.toBitMatrix(4)));
        // the known pitfall: one byte segment for the whole text needs a larger symbol
        int oneSegment = Encoder.encode(ShcQrText.encode(jws).toUpperCase().replace("SHC:/", "shc:/"),
                ErrorCorrectionLevel.L).getVersion().getVersionNumber();
        assertTrue(code.version() < oneSegment, code.version() + " < " + oneSegment);
    }

    @Test
    void version22IsTheCapFor1195Characters() throws Exception {
        Random random = new Random(3);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String fits = QrEncoderTest.randomText(random, alphabet, ShcQrText.MAX_JWS_LENGTH);
        QrCode largest = CertificateQr.smartHealthCard(fits);
        assertEquals(22, largest.version());
        assertEquals(ShcQrText.encode(fits), QrEncoderTest.decode(largest.toBitMatrix(4)));
        QrCapacityException e = assertThrows(QrCapacityException.class,
                () -> CertificateQr.smartHealthCard(fits + "A"));
        assertTrue(e.getMessage().contains("version 22"));
        assertEquals(dev.shomei.protocol.ErrorCode.CERTIFICATE_TOO_LARGE, e.code());
    }

    @Test
    void vdsNcSealIsOneByteSegment() throws Exception {
        String seal = "{\"data\":{\"hdr\":{\"is\":\"JPN\",\"t\":\"icao.vacc\",\"v\":1}},\"sig\":{}}".repeat(30);
        QrCode code = CertificateQr.vdsNc(seal);
        assertEquals(ErrorCorrectionLevel.M, code.level());
        assertEquals(seal, QrEncoderTest.decode(code.toBitMatrix(4)));
        String huge = "x".repeat(2900);
        assertEquals(ErrorCorrectionLevel.L, CertificateQr.vdsNc(huge).level());
        assertThrows(QrCapacityException.class, () -> CertificateQr.vdsNc("x".repeat(3000)));
    }
}
