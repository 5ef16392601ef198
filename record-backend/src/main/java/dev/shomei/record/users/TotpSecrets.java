package dev.shomei.record.users;

import dev.shomei.record.crypto.Aead;
import dev.shomei.record.crypto.MasterKeys;
import java.nio.charset.StandardCharsets;

/**
 * Seals TOTP secrets at rest with the newest master key (AES-GCM, bound to the user id and the key
 * alias); older master keys still open what they sealed, so a master key rotation locks nobody out.
 */
public final class TotpSecrets {
    /** A sealed secret and the alias of the master key that sealed it. */
    public record Sealed(byte[] ciphertext, String keyAlias) {
    }

    private final MasterKeys masterKeys;

    public TotpSecrets(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    MasterKeys masterKeys() {
        return masterKeys;
    }

    public Sealed seal(String userId, byte[] secret) {
        String alias = masterKeys.currentAlias();
        return new Sealed(Aead.seal(masterKeys.masterKey(alias), secret, context(userId, alias)), alias);
    }

    public byte[] open(String userId, Sealed sealed) {
        return Aead.open(masterKeys.masterKey(sealed.keyAlias()), sealed.ciphertext(), context(userId, sealed.keyAlias()));
    }

    private static byte[] context(String userId, String alias) {
        return ("shomei/clerk-totp/" + userId + "/" + alias).getBytes(StandardCharsets.UTF_8);
    }
}
