package dev.shomei.kiosk.center;

import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.PrintResult;
import dev.shomei.protocol.line.VoidReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where the {@link OutcomeOutbox} keeps its outcomes so that a kiosk that dies (power cut, kill -9)
 * still reports a certificate it printed. An append-only text file, one record a line:
 * {@code + <transaction id> <PRINTED|VOIDED> <reason> <yen charged>} when an outcome is queued (a line
 * written before the amount existed ends after the reason and is still read), {@code - <transaction id>}
 * when the center took it (or refused it for good). Nothing personal: transaction ids, results,
 * reasons and amounts only. Every append is forced to the disk before it returns, so the outcome is safe before the
 * screen moves on. A torn last line (a crash mid-write) is skipped on replay. When nothing is pending the
 * file is emptied, and when it grows past {@code compactAfterLines} it is rewritten with only what is
 * pending (a temporary file, forced, then moved over the old one). Hand-written: a dozen lines of
 * append-and-force; an embedded database would be a new dependency for a file of a few hundred bytes.
 */
public final class OutcomeJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutcomeJournal.class.getName());

    private final Path file;
    private final int compactAfterLines;
    private FileChannel channel;
    private int lines;

    private OutcomeJournal(Path file, int compactAfterLines) {
        this.file = file;
        this.compactAfterLines = compactAfterLines;
    }

    /** Opens (or creates) the journal at {@code file}; {@link #pending()} then answers what was not sent. */
    public static OutcomeJournal open(Path file, int compactAfterLines) {
        OutcomeJournal journal = new OutcomeJournal(file, compactAfterLines);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            journal.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            journal.lines = Files.readAllLines(file, StandardCharsets.US_ASCII).size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outcome journal " + file.getFileName(), e);
        }
        return journal;
    }

    /** The outcomes queued and not yet taken by the center, oldest first. */
    public synchronized List<PrintOutcome> pending() {
        Map<String, PrintOutcome> pending = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.split(" ");
                try {
                    if ((parts.length == 4 || parts.length == 5) && parts[0].equals("+")) {
                        pending.put(parts[1], new PrintOutcome(parts[1], PrintResult.valueOf(parts[2]),
                                VoidReason.valueOf(parts[3]),
                                parts.length == 5 ? OptionalInt.of(Integer.parseInt(parts[4])) : OptionalInt.empty()));
                    } else if (parts.length == 2 && parts[0].equals("-")) {
                        pending.remove(parts[1]);
                    } else if (!line.isEmpty()) {
                        LOG.log(Level.WARNING, "outcome journal: skipped a damaged line");
                    }
                } catch (IllegalArgumentException e) {
                    LOG.log(Level.WARNING, "outcome journal: skipped a damaged line");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outcome journal " + file.getFileName(), e);
        }
        return new ArrayList<>(pending.values());
    }

    /** Records a queued outcome; on the disk when this returns. */
    public synchronized void queued(PrintOutcome outcome) {
        append(queuedLine(outcome));
    }

    /**
     * Records that the center took (or refused for good) the outcome of {@code transactionId};
     * {@code stillPending} are the outcomes left, for compaction.
     */
    public synchronized void done(String transactionId, List<PrintOutcome> stillPending) {
        if (stillPending.isEmpty() || lines + 1 > compactAfterLines) {
            rewrite(stillPending);
        } else {
            append("- " + transactionId);
        }
    }

    /** Lines in the file now (for the tests of compaction). */
    public synchronized int lines() {
        return lines;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "outcome journal: close failed");
        }
    }

    private void append(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the outcome journal " + file.getFileName(), e);
        }
    }

    private void rewrite(List<PrintOutcome> pending) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        for (PrintOutcome outcome : pending) {
            text.append(queuedLine(outcome)).append('\n');
        }
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(false);
            }
            channel.close();
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lines = pending.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the outcome journal " + file.getFileName(), e);
        }
    }

    private static String queuedLine(PrintOutcome outcome) {
        String line = "+ " + outcome.transactionId() + " " + outcome.result() + " " + outcome.reason();
        return outcome.chargedYen().isPresent() ? line + " " + outcome.chargedYen().getAsInt() : line;
    }

    /** Makes the rename itself durable (Linux: fsync of the directory). */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "outcome journal: directory not forced");
        }
    }
}
