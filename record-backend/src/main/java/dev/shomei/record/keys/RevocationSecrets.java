package dev.shomei.record.keys;

import dev.shomei.protocol.shc.RevocationIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The revocation-id secret of a SMART Health Card issuer key: 32 random bytes, provisioned with the
 * key. In a key directory {@code issuer-<n>.rid} (base64, one line, mode 600); in a PKCS#12 key store
 * the secret-key entry {@code shc-<n>-rid}. Read only: a backend never creates one on its own; the dev
 * PKI, {@code backend rotate-shc-key} and the key ceremony ({@code docs/operations.md}) do.
 */
public final class RevocationSecrets {
    /** The key-store alias of key {@code shc-<n>}'s secret. */
    public static final String ALIAS_SUFFIX = "-rid";

    private RevocationSecrets() {
    }

    /** Reads {@code <name>.rid} in {@code dir}; missing is an error that names the file, never its content. */
    public static byte[] read(Path dir, String name) {
        Path file = dir.resolve(name + ".rid");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("SMART Health Card key " + name + " has no revocation-id secret ("
                    + file.getFileName() + "); provision it with the key (docs/operations.md)");
        }
        try {
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < RevocationIds.SECRET_BYTES) {
                throw new IllegalStateException(file.getFileName() + " holds fewer than " + RevocationIds.SECRET_BYTES + " bytes");
            }
            return secret;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file.getFileName() + " is not base64");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    /** Creates {@code <name>.rid} with a fresh random secret unless it exists; returns whether it created one. */
    public static boolean create(Path dir, String name) {
        Path file = dir.resolve(name + ".rid");
        if (Files.exists(file)) {
            return false;
        }
        byte[] secret = new byte[RevocationIds.SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a non-POSIX file system: the directory's own protection applies
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The secret-key entry {@code <alias>-rid} of a key store. */
    static byte[] fromKeyStore(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
        Key key = store.getKey(alias + ALIAS_SUFFIX, password);
        if (key == null || key.getEncoded() == null) {
            throw new IllegalStateException("SMART Health Card key " + alias + " has no revocation-id secret (entry "
                    + alias + ALIAS_SUFFIX + ")");
        }
        return key.getEncoded();
    }
}
