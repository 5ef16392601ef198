package dev.shomei.center;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.TrustedCardKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The J-LIS CA public keys a production center checks cards against ({@code card-trust-keys} in
 * center.yaml): one or more PEM public keys, each preceded by the line {@code key-id: <id>} (the
 * card's CA key id, e.g. {@code 5000033/001}). Under {@code card-trust: test} the JPKI test
 * hierarchy's key is added. A center refuses to start without this file (no built-in trust in
 * production), and the dev key that signs virtual cards is never read from it under these profiles.
 */
public final class CardTrustFile {
    private static final String KEY_ID = "key-id:";

    private CardTrustFile() {
    }

    /** The keys of {@code file} for {@code profile} (PRODUCTION or TEST). */
    public static TrustedCardKeys load(Path file, TrustedCardKeys.Profile profile) {
        if (profile == TrustedCardKeys.Profile.DEV) {
            throw new IllegalArgumentException("card-trust: dev is the demo's profile and reads no trust file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the card trust file " + file + " (card-trust-keys in center.yaml)", e);
        }
        TrustedCardKeys.Builder keys = TrustedCardKeys.builder();
        String keyId = null;
        StringBuilder base64 = null;
        int count = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith(KEY_ID)) {
                keyId = line.substring(KEY_ID.length()).strip();
            } else if (line.equals("-----BEGIN PUBLIC KEY-----")) {
                if (keyId == null) {
                    throw new IllegalArgumentException(file + ": a public key without a preceding 'key-id:' line");
                }
                base64 = new StringBuilder();
            } else if (line.equals("-----END PUBLIC KEY-----") && base64 != null) {
                keys.add(KeyId.parse(keyId), rsa(base64.toString(), file));
                count++;
                keyId = null;
                base64 = null;
            } else if (base64 != null) {
                base64.append(line);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(file + " holds no J-LIS public key");
        }
        if (profile == TrustedCardKeys.Profile.TEST) {
            keys.add(TrustedCardKeys.JPKI_TEST_KEY_ID, TrustedCardKeys.jpkiTestKey());
        }
        return keys.build();
    }

    /** The text of a trust file holding one key (what tests and {@code docs/operations.md} write). */
    public static String format(String keyId, PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return KEY_ID + " " + keyId + "\n-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static PublicKey rsa(String base64, Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not an RSA public key", e);
        }
    }
}
