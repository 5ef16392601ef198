package dev.shomei.printing.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QrEncoderTest {
    /** Our symbol for a one-segment text is bit-for-bit ZXing's, mask choice included. */
    @Test
    void matchesZxingForSingleSegmentsAtEveryVersionUpTo40() throws Exception {
        Random random = new Random(42);
        for (ErrorCorrectionLevel level : ErrorCorrectionLevel.values()) {
            for (int length : new int[] {1, 20, 77, 300, 900, 2000}) {
                String digits = randomText(random, "0123456789", length * 2);
                String text = randomText(random, "abcdefghijklmnopqrstuvwxyz{}\":,", length);
                compareWithZxing(List.of(QrSegment.numeric(digits)), digits, level);
                compareWithZxing(List.of(QrSegment.ascii(text)), text, level);
            }
        }
    }

    @Test
    void everyVersionFrom1To40DecodesInZxing() throws Exception {
        Random random = new Random(7);
        for (int version = 1; version <= 40; version++) {
            // the most digits that fit this version at L after a byte segment "shc:/"
            Version v = Version.getVersionForNumber(version);
            int capacityBits = QrEncoder.dataCodewords(v, ErrorCorrectionLevel.L) * 8;
            int overhead = 4 + Mode.BYTE.getCharacterCountBits(v) + 40 + 4 + Mode.NUMERIC.getCharacterCountBits(v);
            int digitCount = (capacityBits - overhead) * 3 / 10;
            String digits = randomText(random, "0123456789", digitCount);
            QrCode code = QrEncoder.encode(List.of(QrSegment.ascii("shc:/"), QrSegment.numeric(digits)),
                    ErrorCorrectionLevel.L, 40);
            assertEquals(version, code.version());
            assertEquals("shc:/" + digits, decode(code.toBitMatrix(4)), "version " + code.version());
            if (version < 40) {
                assertEquals(version + 1, QrEncoder.encode(List.of(QrSegment.ascii("shc:/"),
                        QrSegment.numeric(digits + "0")), ErrorCorrectionLevel.L, 40).version());
            }
        }
    }

    @Test
    void choosesTheSmallestVersionAndFailsClearlyBeyondTheCap() {
        assertEquals(1, QrEncoder.encode(List.of(QrSegment.numeric("12345")), ErrorCorrectionLevel.L, 40).version());
        // version 1-L holds 19 data codewords = 152 bits: 4 + 10 + 41 digits (137 bits) = 151 bits fits
        assertEquals(1, QrEncoder.encode(List.of(QrSegment.numeric("1".repeat(41))), ErrorCorrectionLevel.L, 40)
                .version());
        assertEquals(2, QrEncoder.encode(List.of(QrSegment.numeric("1".repeat(42))), ErrorCorrectionLevel.L, 40)
                .version());
        QrCapacityException e = assertThrows(QrCapacityException.class, () -> QrEncoder.encode(
                List.of(QrSegment.numeric("1".repeat(42))), ErrorCorrectionLevel.L, 1));
        assertTrue(e.getMessage().contains("version 1"));
    }

    static void compareWithZxing(List<QrSegment> segments, String text, ErrorCorrectionLevel level) throws Exception {
        // no CHARACTER_SET hint: with one, ZXing adds an ECI segment
        com.google.zxing.qrcode.encoder.QRCode zxing;
        try {
            zxing = Encoder.encode(text, level);
        } catch (com.google.zxing.WriterException tooBig) {
            assertThrows(QrCapacityException.class, () -> QrEncoder.encode(segments, level, 40));
            return;
        }
        QrCode ours = QrEncoder.encode(segments, level, 40);
        assertEquals(zxing.getVersion().getVersionNumber(), ours.version(), "version for " + text.length());
        assertEquals(zxing.getMaskPattern(), ours.mask(), "mask for " + text.length() + " " + level);
        ByteMatrix matrix = zxing.getMatrix();
        int different = 0;
        for (int y = 0; y < ours.size(); y++) {
            for (int x = 0; x < ours.size(); x++) {
                different += (matrix.get(x, y) == 1) != ours.isDark(x, y) ? 1 : 0;
            }
        }
        assertEquals(0, different, "modules that differ in version " + ours.version());
    }

    static String decode(BitMatrix matrix) throws Exception {
        LuminanceSource source = new BufferedImageLuminanceSource(MatrixToImageWriter.toBufferedImage(matrix));
        Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        return new String(result.getText().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
