package dev.shomei.printing.verify;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Finds QR codes the way a camera would: from pixels. A PDF is rasterised page by page; an image
 * is read as it is. Several codes per page are found by decoding, blanking what was found, and
 * looking again.
 */
public final class QrScanner {
    /** Enough for 0.36 mm modules (about 4 pixels each). */
    public static final float DEFAULT_DPI = 300f;
    private static final int MAX_ROUNDS = 6;

    private final float dpi;

    public QrScanner() {
        this(DEFAULT_DPI);
    }

    public QrScanner(float dpi) {
        this.dpi = dpi;
    }

    /** Every QR code in a PDF (by its {@code %PDF} header) or an image (PNG, JPEG, ...). */
    public List<ScannedQr> scan(byte[] file) throws IOException {
        if (file.length >= 4 && file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F') {
            return scanPdf(file);
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
        if (image == null) {
            throw new IOException("not a PDF or a readable image");
        }
        return scanImage(image, 1);
    }

    public List<ScannedQr> scanPdf(byte[] pdf) throws IOException {
        List<ScannedQr> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                found.addAll(scanImage(renderer.renderImageWithDPI(page, dpi, ImageType.GRAY), page + 1));
            }
        }
        return found;
    }

    public List<ScannedQr> scanImage(BufferedImage original, int page) {
        BufferedImage image = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.drawImage(original, 0, 0, null);
        Set<String> texts = new LinkedHashSet<>();
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Result> results = decode(image, hints);
            boolean progress = false;
            for (Result result : results) {
                progress |= texts.add(result.getText());
                blank(graphics, result.getResultPoints());
            }
            if (!progress) {
                break;
            }
        }
        graphics.dispose();
        return texts.stream().map(text -> new ScannedQr(page, text)).toList();
    }

    private static List<Result> decode(BufferedImage image, Map<DecodeHintType, Object> hints) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return List.of(new QRCodeMultiReader().decodeMultiple(bitmap, hints));
        } catch (NotFoundException e) {
            try {
                return List.of(new QRCodeReader().decode(bitmap, hints));
            } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException ignored) {
                return List.of();
            }
        }
    }

    /** Paints over a found symbol (its finder and alignment points plus a margin) so the next round finds others. */
    private static void blank(Graphics2D graphics, ResultPoint[] points) {
        if (points == null || points.length < 3) {
            return;
        }
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (ResultPoint point : points) {
            minX = Math.min(minX, point.getX());
            minY = Math.min(minY, point.getY());
            maxX = Math.max(maxX, point.getX());
            maxY = Math.max(maxY, point.getY());
        }
        // finder centres sit 3.5 modules inside the corners; a tenth of the span covers that and more
        float margin = Math.max(maxX - minX, maxY - minY) * 0.12f + 4;
        graphics.setColor(Color.WHITE);
        graphics.fillRect((int) (minX - margin), (int) (minY - margin), (int) (maxX - minX + 2 * margin),
                (int) (maxY - minY + 2 * margin));
    }
}
