package dev.shomei.card.data;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/** RSASSA-PKCS1-v1_5 with SHA-256, the only algorithm the input-assist AP uses. */
public final class RsaSignatures {
    public static final String ALGORITHM = "SHA256withRSA";

    private RsaSignatures() {
    }

    /** True when {@code signature} verifies; false for any bad signature, never an exception. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    /** Signs {@code data} (virtual cards only: real cards are signed by J-LIS). */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }
}
