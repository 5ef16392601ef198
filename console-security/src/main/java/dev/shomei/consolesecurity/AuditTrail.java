package dev.shomei.consolesecurity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An append-only, hash-chained audit trail in one JSON-lines file that several instances share
 * (the center's state directory): every entry carries the MAC of the previous one and its own
 * HMAC-SHA256 under a key kept next to the file (0600), so an edited, inserted, reordered or
 * deleted entry breaks the chain that {@link #verify} walks. Appends take an exclusive OS file lock
 * (and a lock per file inside this JVM), so two centers never fork the chain. It cannot detect the
 * loss of the newest entries by itself; ship the file off the machine for that.
 */
public final class AuditTrail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();
    private static final String GENESIS = "0".repeat(64);

    /** One entry: who, when, from where, what (action, target), the value before and after. */
    public record Entry(long seq, String at, String actor, String source, String action, String target,
            String before, String after, String prev, String mac) {
    }

    /** The result of a check: intact, or the first entry that breaks the chain. */
    public record Verification(boolean intact, long entries, Optional<Long> brokenAt, String reason) {
    }

    private final Path file;
    private final Path keyFile;
    private final Clock clock;
    private final Object inProcess;

    public AuditTrail(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.keyFile = this.file.resolveSibling(this.file.getFileName() + ".key");
        this.clock = clock;
        this.inProcess = IN_PROCESS.computeIfAbsent(this.file, p -> new Object());
    }

    /** Appends one entry (before/after may be null) and returns it. */
    public Entry append(String actor, String source, String action, String target, String before, String after) {
        synchronized (inProcess) {
            try {
                Files.createDirectories(file.getParent());
                byte[] key = key();
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    List<Entry> entries = read(channel);
                    Entry last = entries.isEmpty() ? null : entries.getLast();
                    Entry unsigned = new Entry(last == null ? 1 : last.seq() + 1, clock.instant().toString(), actor, source,
                            action, target, before, after, last == null ? GENESIS : last.mac(), null);
                    Entry entry = withMac(unsigned, mac(key, unsigned));
                    byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
                    channel.write(ByteBuffer.wrap(line), channel.size());
                    channel.force(true);
                    return entry;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file.getFileName(), e);
            }
        }
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> latest(int limit) {
        synchronized (inProcess) {
            if (!Files.exists(file)) {
                return List.of();
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                List<Entry> entries = new ArrayList<>(read(channel));
                java.util.Collections.reverse(entries);
                return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.getFileName(), e);
            }
        }
    }

    /** Walks the chain: every entry's sequence, link to the previous entry and MAC. */
    public Verification verify() {
        synchronized (inProcess) {
            if (!Files.exists(file)) {
                return new Verification(true, 0, Optional.empty(), "empty");
            }
            try {
                byte[] key = key();
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String prev = GENESIS;
                long expected = 1;
                for (String line : lines) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Entry entry;
                    try {
                        entry = JSON.readValue(line, Entry.class);
                    } catch (IOException e) {
                        return new Verification(false, expected - 1, Optional.of(expected), "unreadable entry");
                    }
                    if (entry.seq() != expected) {
                        return new Verification(false, expected - 1, Optional.of(expected), "sequence gap");
                    }
                    if (!prev.equals(entry.prev())) {
                        return new Verification(false, expected - 1, Optional.of(entry.seq()), "chain broken");
                    }
                    if (entry.mac() == null || !MessageDigest.isEqual(entry.mac().getBytes(StandardCharsets.US_ASCII),
                            mac(key, withMac(entry, null)).getBytes(StandardCharsets.US_ASCII))) {
                        return new Verification(false, expected - 1, Optional.of(entry.seq()), "entry altered");
                    }
                    prev = entry.mac();
                    expected++;
                }
                return new Verification(true, expected - 1, Optional.empty(), "intact");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.getFileName(), e);
            }
        }
    }

    private static List<Entry> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read it all
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : new String(buffer.array(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                entries.add(JSON.readValue(line, Entry.class));
            }
        }
        return entries;
    }

    private static Entry withMac(Entry e, String mac) {
        return new Entry(e.seq(), e.at(), e.actor(), e.source(), e.action(), e.target(), e.before(), e.after(), e.prev(), mac);
    }

    private static String mac(byte[] key, Entry unsigned) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(JSON.writeValueAsBytes(unsigned)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The chain key, created (0600) with the first entry. */
    private byte[] key() throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path temp = Files.createTempFile(keyFile.getParent(), ".audit-key", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.write(temp, HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII));
            try {
                Files.move(temp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(temp); // another center created it first
            }
        }
        return HexFormat.of().parseHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
    }
}
