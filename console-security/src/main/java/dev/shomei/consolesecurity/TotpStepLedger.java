package dev.shomei.consolesecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * The last TOTP time step each account has used, in one small file that every instance of a console
 * shares (the center's state directory, shared between centers like {@code terminals.json}). A code
 * is accepted only when {@link #claim} finds its step newer than the stored one; the check and the
 * write happen under an exclusive OS file lock, so two centers given the same code at the same
 * moment cannot both accept it, and a restart forgets nothing. The file holds account names and
 * step numbers only (no secret). Hand-written: a properties file under {@link FileLock} is a dozen
 * lines; an embedded database for one number per operator would be more to trust, not less.
 */
public final class TotpStepLedger {
    /** OS file locks are held per JVM: instances in one JVM (tests, two consoles) first queue here. */
    private static final java.util.Map<Path, Object> IN_PROCESS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path file;
    private final Object inProcess;

    public TotpStepLedger(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.inProcess = IN_PROCESS.computeIfAbsent(this.file, p -> new Object());
    }

    /** Records {@code step} for {@code account} when it is newer than the last one used; false for a replay. */
    public boolean claim(String account, long step) {
        return withLock(content -> {
            String last = content.getProperty(account);
            if (last != null && Long.parseLong(last) >= step) {
                return false;
            }
            content.setProperty(account, Long.toString(step));
            return true;
        });
    }

    /** The last step used by {@code account}, or -1. */
    public long last(String account) {
        return withLock(content -> Long.parseLong(content.getProperty(account, "-1")));
    }

    /** Forgets {@code account} (its TOTP secret was reset: the new secret starts afresh). */
    public void forget(String account) {
        withLock(content -> content.remove(account) != null);
    }

    private interface Change<T> {
        T apply(Properties content);
    }

    private <T> T withLock(Change<T> change) {
        synchronized (inProcess) {
            return withFileLock(change);
        }
    }

    private <T> T withFileLock(Change<T> change) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // read it all
                }
                Properties content = new Properties();
                content.load(new StringReader(new String(buffer.array(), StandardCharsets.ISO_8859_1)));
                String before = serialize(content);
                T result = change.apply(content);
                String after = serialize(content);
                if (!after.equals(before)) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(after.getBytes(StandardCharsets.ISO_8859_1)), 0);
                    channel.force(true);
                }
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + file.getFileName(), e);
        }
    }

    /** Sorted, without the date comment Properties.store writes, so an unchanged ledger is not rewritten. */
    private static String serialize(Properties content) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String key : new java.util.TreeSet<>(content.stringPropertyNames())) {
            StringWriter line = new StringWriter();
            Properties one = new Properties();
            one.setProperty(key, content.getProperty(key));
            one.store(line, null);
            line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }
}
