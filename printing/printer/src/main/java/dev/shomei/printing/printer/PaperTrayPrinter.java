package dev.shomei.printing.printer;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The "paper tray" of the demo and the tests: each copy becomes {@code <job name>-<copy>.pdf} in the
 * directory this printer was given, and nowhere else. A file appears complete or not at all (written
 * beside it, then moved); an existing file is never overwritten.
 */
public final class PaperTrayPrinter implements Printer {
    private static final System.Logger LOG = System.getLogger(PaperTrayPrinter.class.getName());

    private final Path directory;

    public PaperTrayPrinter(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void print(PrintJob job) {
        try {
            Files.createDirectories(directory);
            for (int copy = 1; copy <= job.copies(); copy++) {
                Path target = directory.resolve(job.name() + "-" + copy + ".pdf");
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.getFileName().toString());
                }
                Path partial = Files.createTempFile(directory, "." + job.name() + "-", ".part");
                try {
                    Files.write(partial, job.pdf());
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            LOG.log(System.Logger.Level.INFO, "paper tray: job {0}, {1} copies", job.name(), job.copies());
        } catch (IOException e) {
            throw new ShomeiException(ErrorCode.PRINTER_ERROR, "paper tray cannot take job " + job.name(), e);
        }
    }
}
