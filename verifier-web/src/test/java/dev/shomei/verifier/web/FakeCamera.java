package dev.shomei.verifier.web;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A video for Chromium's fake camera ({@code --use-file-for-fake-video-capture}) showing a printed
 * certificate: page 1 of the PDF rendered by PDFBox, the lower part where the QR codes are (as a phone
 * held over them sees it), written as YUV4MPEG2 with 4:2:0 chroma. Chromium loops the file.
 */
final class FakeCamera {
    private static final int DPI = 200;
    private static final int FRAMES = 2;

    private FakeCamera() {
    }

    /** The part of page 1 the camera sees, from the rendered PDF. */
    static BufferedImage qrArea(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
            int x = (int) (page.getWidth() * 0.03);
            int y = (int) (page.getHeight() * 0.62);
            int width = (int) (page.getWidth() * 0.94) & ~1;
            int height = (int) (page.getHeight() * 0.35) & ~1;
            return page.getSubimage(x, y, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code image} (even width and height) as a Y4M video of a few identical frames. */
    static Path writeY4m(BufferedImage image, Path file) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] y = new byte[width * height];
        byte[] u = new byte[width * height / 4];
        byte[] v = new byte[width * height / 4];
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                int rgb = image.getRGB(column, row);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                // BT.601 limited range, as Chromium's Y4M reader expects
                y[row * width + column] = (byte) clamp(16 + (66 * r + 129 * g + 25 * b + 128) / 256);
                if (row % 2 == 0 && column % 2 == 0) {
                    int index = (row / 2) * (width / 2) + column / 2;
                    u[index] = (byte) clamp(128 + (-38 * r - 74 * g + 112 * b + 128) / 256);
                    v[index] = (byte) clamp(128 + (112 * r - 94 * g - 18 * b + 128) / 256);
                }
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < FRAMES; frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(y);
                out.write(u);
                out.write(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
