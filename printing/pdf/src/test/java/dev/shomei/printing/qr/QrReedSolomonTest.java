package dev.shomei.printing.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonEncoder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The table-driven encoder gives ZXing's error correction codewords for every degree QR codes use. */
class QrReedSolomonTest {
    private final ReedSolomonEncoder zxing = new ReedSolomonEncoder(GenericGF.QR_CODE_FIELD_256);

    @Test
    void sameCodewordsAsZxingForEveryDegreeAndRandomBlocks() {
        SplittableRandom random = new SplittableRandom(18004);
        for (int degree = 1; degree <= QrReedSolomon.MAX_DEGREE; degree++) {
            for (int trial = 0; trial < 40; trial++) {
                int length = 1 + random.nextInt(153); // QR data blocks hold at most 153 codewords
                byte[] data = new byte[length + 5];
                random.nextBytes(data);
                if (trial == 0) {
                    Arrays.fill(data, (byte) 0); // all-zero data: all-zero codewords
                }
                int[] message = new int[length + degree];
                for (int i = 0; i < length; i++) {
                    message[i] = data[3 + i] & 0xFF;
                }
                zxing.encode(message, degree);
                int[] expected = Arrays.copyOfRange(message, length, length + degree);
                assertArrayEquals(expected, QrReedSolomon.errorCorrection(data, 3, length, degree),
                        "degree " + degree + ", " + length + " codewords");
            }
        }
    }

    @Test
    void degreesOutsideQrCodesAreRefused() {
        byte[] data = new byte[10];
        assertThrows(IllegalArgumentException.class, () -> QrReedSolomon.errorCorrection(data, 0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> QrReedSolomon.errorCorrection(data, 0, 10, 31));
    }
}
