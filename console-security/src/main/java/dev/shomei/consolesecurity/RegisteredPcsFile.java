package dev.shomei.consolesecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The registered console PCs as a text file, one certificate CN a line ({@code #} starts a comment),
 * re-read when it changes: removing a line shuts that PC out at its next request. A missing file is
 * an empty list (nobody gets in while the console requires client certificates).
 */
public final class RegisteredPcsFile implements Supplier<Set<String>> {
    private final Path file;
    private volatile FileTime seen;
    private volatile Set<String> ids = Set.of();

    public RegisteredPcsFile(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Set<String> get() {
        try {
            if (!Files.exists(file)) {
                ids = Set.of();
                seen = null;
                return ids;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(seen)) {
                ids = Files.readAllLines(file).stream().map(line -> line.replaceAll("#.*", "").strip())
                        .filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableSet());
                seen = modified;
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }
}
