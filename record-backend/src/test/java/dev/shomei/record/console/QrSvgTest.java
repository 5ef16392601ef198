package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.shomei.protocol.otp.Totp;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enrolment QR code: the SVG path, drawn back into pixels, decodes (ZXing reader) to the otpauth URI. */
class QrSvgTest {
    @Test
    void theSvgDecodesToTheEnrolmentUri() throws Exception {
        String uri = Totp.standard().enrolmentUri("shomei clerk console", "clerk-a", new byte[20]);
        Html html = new Html();
        QrSvg.write(html, uri, 240, "QR");
        String svg = html.toString();
        assertTrue(svg.startsWith("<svg class=\"qr\" viewbox=\"0 0 "), svg.substring(0, 60));
        Matcher size = Pattern.compile("viewbox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(size.find());
        int width = Integer.parseInt(size.group(1));
        int scale = 4;
        int[] pixels = new int[width * scale * width * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        int runs = 0;
        while (run.find()) {
            runs++;
            int x0 = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int x = x0 * scale; x < (x0 + length) * scale; x++) {
                for (int dy = 0; dy < scale; dy++) {
                    pixels[(y * scale + dy) * width * scale + x] = 0xFF000000;
                }
            }
        }
        assertTrue(runs > 50);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width * scale, width * scale, pixels)));
        assertEquals(uri, new QRCodeReader().decode(bitmap).getText());
    }
}
