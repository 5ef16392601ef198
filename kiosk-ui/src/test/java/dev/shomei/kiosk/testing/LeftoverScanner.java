package dev.shomei.kiosk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Looks for what a kiosk must never leave behind: the resident's name and My Number (as UTF-8,
 * UTF-16 both ways, Shift_JIS and EUC-JP; the number also grouped by spaces) in any file written
 * since a given instant, and PDFs written since then. A certificate's text is glyph ids in a
 * compressed stream, so a PDF cannot be searched as bytes: without a {@code pdfReader} every PDF is
 * flagged; with one (e.g. decoding the certificate's QR codes) a PDF is flagged when what it reads
 * names the resident (full name, or the family or given name alone). Unreadable files and
 * {@code excluded} trees (the card's own file, the paper tray the resident takes home) are skipped.
 */
public final class LeftoverScanner {
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** One thing found. */
    public record Finding(Path file, String what) {
        @Override
        public String toString() {
            return file + ": " + what;
        }
    }

    private final Map<String, List<byte[]>> needles = new LinkedHashMap<>();
    private final List<Path> excluded;
    private final Function<byte[], String> pdfReader;
    private final List<String> nameParts;
    private int filesScanned;

    /**
     * @param name     the resident's name as on the card (family and given name, full-width space between)
     * @param myNumber the 12 digits
     */
    public LeftoverScanner(String name, String myNumber, List<Path> excluded) {
        this(name, myNumber, excluded, null);
    }

    /** @param pdfReader what a PDF says (null: flag every PDF) */
    public LeftoverScanner(String name, String myNumber, List<Path> excluded, Function<byte[], String> pdfReader) {
        this.excluded = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.pdfReader = pdfReader;
        List<String> parts = new ArrayList<>(List.of(name, myNumber));
        for (String part : name.split("[\u3000 ]")) {
            if (part.length() >= 2) {
                parts.add(part);
            }
        }
        this.nameParts = List.copyOf(parts);
        List<String> names = List.of(name, name.replace("\u3000", ""), name.replace('\u3000', ' '));
        List<Charset> charsets = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                Charset.forName("Shift_JIS"), Charset.forName("EUC-JP"));
        List<byte[]> nameBytes = new ArrayList<>();
        for (String variant : names) {
            for (Charset charset : charsets) {
                // a charset that cannot hold the name would give '?'s: a needle that matches anything
                if (charset.newEncoder().canEncode(variant)) {
                    nameBytes.add(variant.getBytes(charset));
                }
            }
        }
        needles.put("the name", nameBytes);
        List<byte[]> numberBytes = new ArrayList<>();
        for (String variant : List.of(myNumber, myNumber.substring(0, 4) + " " + myNumber.substring(4, 8) + " " + myNumber.substring(8))) {
            numberBytes.add(variant.getBytes(StandardCharsets.US_ASCII));
            numberBytes.add(variant.getBytes(StandardCharsets.UTF_16LE));
            numberBytes.add(variant.getBytes(StandardCharsets.UTF_16BE));
        }
        needles.put("the My Number", numberBytes);
    }

    /** Every finding under the roots (missing roots are fine) in files modified at or after {@code since}. */
    public List<Finding> scan(List<Path> roots, Instant since) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Files.walkFileTree(root, new LiveTreeVisitor() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return isExcluded(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isExcluded(file) && attrs.size() <= MAX_FILE_BYTES
                            && !attrs.lastModifiedTime().toInstant().isBefore(since)) {
                        findings.addAll(scanFile(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return findings;
    }

    /** Findings in one file. */
    public List<Finding> scanFile(Path file) {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readAllBytes();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        filesScanned++;
        List<Finding> findings = new ArrayList<>();
        if (startsWith(content, PDF_MAGIC)) {
            if (pdfReader == null) {
                findings.add(new Finding(file, "a PDF"));
            } else {
                String says = pdfReader.apply(content);
                if (nameParts.stream().anyMatch(says::contains)) {
                    findings.add(new Finding(file, "a certificate PDF of the resident"));
                }
            }
        }
        for (Map.Entry<String, List<byte[]>> needle : needles.entrySet()) {
            for (byte[] bytes : needle.getValue()) {
                if (indexOf(content, bytes) >= 0) {
                    findings.add(new Finding(file, needle.getKey()));
                    break;
                }
            }
        }
        return findings;
    }

    /** Files read so far (a scan that read nothing proves nothing). */
    public int filesScanned() {
        return filesScanned;
    }

    private boolean isExcluded(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return excluded.stream().anyMatch(normal::startsWith);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
