package dev.shomei.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a unified GC log ({@code -Xlog:gc:file=...}): every collection line carries
 * {@code <used before>-><used after>(<committed>)}, e.g. {@code 24M->3M(512M)}.
 *
 * @param collections     collection lines read
 * @param peakBeforeMb    the most heap in use at any collection (the high-water mark of the heap)
 * @param peakAfterMb     the most heap still in use after a collection (the live set, roughly)
 * @param peakCommittedMb the most heap the JVM had reserved from the OS
 */
public record GcLog(int collections, double peakBeforeMb, double peakAfterMb, double peakCommittedMb) {
    private static final Pattern SIZES = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    public static Optional<GcLog> read(Path file) {
        try {
            return Optional.of(parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static GcLog parse(List<String> lines) {
        int collections = 0;
        double before = 0;
        double after = 0;
        double committed = 0;
        for (String line : lines) {
            Matcher m = SIZES.matcher(line);
            if (!m.find()) {
                continue;
            }
            collections++;
            before = Math.max(before, mb(m.group(1), m.group(2)));
            after = Math.max(after, mb(m.group(3), m.group(4)));
            committed = Math.max(committed, mb(m.group(5), m.group(6)));
        }
        return new GcLog(collections, before, after, committed);
    }

    private static double mb(String number, String unit) {
        double value = Double.parseDouble(number);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }
}
