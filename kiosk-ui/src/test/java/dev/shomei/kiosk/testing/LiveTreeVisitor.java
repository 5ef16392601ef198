package dev.shomei.kiosk.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;

/**
 * A walk over a directory that a running program is changing (a browser's profile, a temporary
 * directory): a file or directory removed between the listing and the visit is skipped instead of
 * ending the walk with an exception, as {@code Files.walk} would.
 */
public abstract class LiveTreeVisitor extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // gone meanwhile, or not ours to read
    }

    @Override
    public FileVisitResult postVisitDirectory(Path directory, IOException e) {
        return FileVisitResult.CONTINUE; // a directory removed while it was listed
    }
}
