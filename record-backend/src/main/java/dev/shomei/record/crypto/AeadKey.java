package dev.shomei.record.crypto;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * {@link Aead} under one key that is used over and over (a municipality's data key), keeping a few
 * initialised {@code Cipher} objects for reuse: an issue opens and seals some thirty values, and a
 * new {@code Cipher} for each (provider lookup, AES key schedule) cost 0.10-0.13 ms per issue
 * (docs/benchmarks.md, "Sealed values with reused ciphers"). A {@code Cipher} is used by one thread
 * at a time and goes back to the pool only after it succeeded; each use initialises it afresh with
 * its own nonce.
 */
public final class AeadKey {
    private static final int POOLED = 16;

    private final SecretKey key;
    private final BlockingQueue<Cipher> idle = new ArrayBlockingQueue<>(POOLED);

    public AeadKey(SecretKey key) {
        this.key = key;
    }

    /** {@link Aead#seal} under this key. */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        Cipher cipher = take();
        byte[] sealed = Aead.seal(cipher, key, plaintext, associatedData);
        idle.offer(cipher);
        return sealed;
    }

    /** {@link Aead#open} under this key. */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        Cipher cipher = take();
        byte[] plaintext = Aead.open(cipher, key, sealed, associatedData);
        idle.offer(cipher);
        return plaintext;
    }

    private Cipher take() {
        Cipher cipher = idle.poll();
        return cipher != null ? cipher : Aead.newCipher();
    }

    @Override
    public String toString() {
        return "AeadKey[AES-256-GCM]";
    }
}
