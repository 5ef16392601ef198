package dev.shomei.system;

import dev.shomei.printing.qr.CertificateQr;
import dev.shomei.printing.qr.QrCode;
import dev.shomei.printing.verify.QrScanner;
import dev.shomei.printing.verify.ScannedQr;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Forgery for the tests: a printed SMART Health Card QR with one character of its JWS changed. */
final class PdfQr {
    private static final int MODULE_PIXELS = 6;
    private static final int QUIET_ZONE = 4;

    private PdfQr() {
    }

    /** Scans the PDF, changes one signature character of the SHC's JWS and writes the re-encoded QR as PNG. */
    static Path alterFirstQrCharacter(Path pdf, Path png) throws IOException {
        List<ScannedQr> codes = new QrScanner().scan(Files.readAllBytes(pdf));
        String shc = codes.stream().map(ScannedQr::text).filter(t -> t.startsWith("shc:/")).findFirst()
                .orElseThrow(() -> new AssertionError("no SMART Health Card QR in the PDF"));
        StringBuilder jws = new StringBuilder(jwsOf(shc));
        int index = jws.length() - 10;
        char original = jws.charAt(index);
        jws.setCharAt(index, original == 'A' ? 'B' : 'A');
        write(CertificateQr.smartHealthCard(jws.toString()), png);
        return png;
    }

    /** {@code shc:/} + two digits per character (its code minus 45) back to the JWS. */
    static String jwsOf(String shc) {
        String digits = shc.substring("shc:/".length());
        StringBuilder jws = new StringBuilder();
        for (int i = 0; i + 1 < digits.length(); i += 2) {
            jws.append((char) (Integer.parseInt(digits.substring(i, i + 2)) + 45));
        }
        return jws.toString();
    }

    private static void write(QrCode qr, Path png) throws IOException {
        int side = (qr.size() + 2 * QUIET_ZONE) * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, side, side);
        graphics.setColor(Color.BLACK);
        for (int y = 0; y < qr.size(); y++) {
            for (int x = 0; x < qr.size(); x++) {
                if (qr.isDark(x, y)) {
                    graphics.fillRect((x + QUIET_ZONE) * MODULE_PIXELS, (y + QUIET_ZONE) * MODULE_PIXELS,
                            MODULE_PIXELS, MODULE_PIXELS);
                }
            }
        }
        graphics.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
