package dev.shomei.center.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the center's configuration files: whole-file replace through a temporary file and an
 * atomic rename, so a reader (or a second center sharing the directory) never sees half a file.
 */
public final class StateFiles {
    private StateFiles() {
    }

    /** Replaces {@code file} with {@code content}; {@code ownerOnly} makes it 0600 (secrets). */
    public static void write(Path file, byte[] content, boolean ownerOnly) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                setPermissions(temp, ownerOnly);
                Files.write(temp, content);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }

    private static void setPermissions(Path file, boolean ownerOnly) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing finer to set
        }
    }

    /**
     * What identifies one version of a file: inode and modification time (every {@link #write}
     * renames a new inode into place, so two writes in the same millisecond still differ), or
     * {@code "absent"}.
     */
    public static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.fileKey() + "@" + attributes.lastModifiedTime().toMillis() + "/" + attributes.size();
        } catch (IOException e) {
            return "absent";
        }
    }
}
