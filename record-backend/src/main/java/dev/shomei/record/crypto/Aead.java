package dev.shomei.record.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce. Sealed form: {@code version(1) || nonce(12) ||
 * ciphertext || tag(16)}. The associated data binds a ciphertext to where it belongs, so a value
 * copied to another row, column or municipality no longer opens.
 */
public final class Aead {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    public static byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
        return seal(newCipher(), key, plaintext, associatedData);
    }

    static byte[] seal(Cipher cipher, SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = new byte[1 + NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            sealed[0] = VERSION;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a sealed value; a changed byte, wrong key or wrong associated data throws. */
    public static byte[] open(SecretKey key, byte[] sealed, byte[] associatedData) {
        return open(newCipher(), key, sealed, associatedData);
    }

    static byte[] open(Cipher cipher, SecretKey key, byte[] sealed, byte[] associatedData) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new CryptoException("sealed value is malformed");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new CryptoException("sealed value does not authenticate (changed, moved or wrong key)");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot open sealed value: " + e.getClass().getSimpleName());
        }
    }

    static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
