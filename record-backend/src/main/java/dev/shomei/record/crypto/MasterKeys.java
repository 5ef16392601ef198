package dev.shomei.record.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys, kept in a PKCS#12 key store outside the database: {@code master-<n>} (AES-256)
 * wrap the municipalities' data and lookup keys (the highest n wraps new ones; older ones still
 * unwrap), {@code audit-1} (HMAC-SHA256) chains the audit log.
 *
 * <p>The key store's password comes from {@code SHOMEI_MASTER_KEY_PASSWORD}, else from a random
 * password file beside the store. Both files are created on first use with mode 0600. In production
 * the store would be an HSM (PKCS#11) or the password would come from a secret manager; see
 * docs/operations.md. No key and no password is ever printed or logged.
 */
public final class MasterKeys {
    public static final String PASSWORD_ENV = "SHOMEI_MASTER_KEY_PASSWORD";
    private static final String AUDIT_ALIAS = "audit-1";
    private static final Pattern MASTER_ALIAS = Pattern.compile("master-(\\d+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final char[] password;
    private KeyStore store;

    private MasterKeys(Path file, char[] password, KeyStore store) {
        this.file = file;
        this.password = password;
        this.store = store;
    }

    /** The default location: {@code <state>/backend/master-keys.p12}. */
    public static Path defaultFile(Path stateDir) {
        return stateDir.resolve("backend").resolve("master-keys.p12");
    }

    /** Opens the key store, creating it (and its password file) on first use; safe across processes. */
    public static synchronized MasterKeys openOrCreate(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            try (FileChannel channel = FileChannel.open(absolute.resolveSibling(".master-keys.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return openOrCreateLocked(absolute);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the master key store " + absolute.getFileName(), e);
        }
    }

    private static MasterKeys openOrCreateLocked(Path absolute) throws IOException {
        try {
            char[] password = password(absolute);
            if (!Files.exists(absolute)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                MasterKeys keys = new MasterKeys(absolute, password, store);
                keys.add("master-1", generate("AES"));
                keys.add(AUDIT_ALIAS, generate("HmacSHA256"));
                keys.save();
                return keys;
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(absolute)) {
                store.load(in, password);
            }
            MasterKeys keys = new MasterKeys(absolute, password, store);
            keys.currentAlias();
            return keys;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot open the master key store: " + e.getClass().getSimpleName());
        }
    }

    /** The alias of the newest master key: the one that wraps new municipality keys. */
    public String currentAlias() {
        List<String> aliases = masterAliases();
        if (aliases.isEmpty()) {
            throw new CryptoException("the master key store holds no master key");
        }
        return aliases.getLast();
    }

    /** Every master key alias, oldest first. */
    public List<String> masterAliases() {
        try {
            List<String> aliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (MASTER_ALIAS.matcher(alias).matches()) {
                    aliases.add(alias);
                }
            }
            aliases.sort((a, b) -> Integer.compare(number(a), number(b)));
            return aliases;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot list the master keys");
        }
    }

    public SecretKey masterKey(String alias) {
        return secret(alias);
    }

    public SecretKey auditKey() {
        return secret(AUDIT_ALIAS);
    }

    /** Adds {@code master-<n+1>}, which wraps new keys from now on; returns its alias. */
    public synchronized String rotate() {
        String alias = "master-" + (number(currentAlias()) + 1);
        add(alias, generate("AES"));
        save();
        return alias;
    }

    /** A short public fingerprint of a master key, to tell whether a database and a key store belong together. */
    public String checkValue(String alias) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey(alias).getEncoded(), "HmacSHA256"));
            byte[] value = mac.doFinal("shomei master key check value".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(value, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static int number(String alias) {
        Matcher matcher = MASTER_ALIAS.matcher(alias);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a master key alias");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private synchronized SecretKey secret(String alias) {
        try {
            if (!store.containsAlias(alias) && Files.exists(file)) {
                reload(); // another process may have rotated the keys
            }
            KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(password));
            if (!(entry instanceof KeyStore.SecretKeyEntry secretEntry)) {
                throw new CryptoException("master key store has no secret key " + alias);
            }
            return secretEntry.getSecretKey();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot read key " + alias + " from the master key store");
        }
    }

    private void reload() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore fresh = KeyStore.getInstance("PKCS12");
            fresh.load(in, password);
            store = fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reload the master key store", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot reload the master key store");
        }
    }

    private void add(String alias, SecretKey key) {
        try {
            store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot store key " + alias);
        }
    }

    private void save() {
        try {
            Path temporary = Files.createTempFile(file.getParent(), ".master-keys", ".tmp");
            restrict(temporary);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key store", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot write the master key store");
        }
    }

    private static SecretKey generate(String algorithm) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(algorithm);
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static char[] password(Path store) throws IOException {
        String fromEnvironment = System.getenv(PASSWORD_ENV);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Path passwordFile = store.resolveSibling(store.getFileName() + ".password");
        if (!Files.exists(passwordFile)) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(random);
            Arrays.fill(random, (byte) 0);
            try {
                Files.createFile(passwordFile);
                restrict(passwordFile);
                Files.write(passwordFile, encoded);
            } finally {
                Arrays.fill(encoded, (byte) 0);
            }
        }
        byte[] bytes = Files.readAllBytes(passwordFile);
        char[] password = new String(bytes, StandardCharsets.US_ASCII).strip().toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return password;
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: rely on the directory's protection
        }
    }
}
