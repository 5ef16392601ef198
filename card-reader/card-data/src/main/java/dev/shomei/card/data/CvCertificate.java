package dev.shomei.card.data;

import dev.shomei.card.data.CardDataException.Reason;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;

/**
 * EF 0004, the card-verifiable certificate of the key that signed EF 0003 (568 bytes on a card):
 * <pre>
 * 7F 21 82 02 33
 *   5F 4E 82 01 29   issuer key id (16) || subject key id (16) || 90 03 01 00 01 || 91 82 01 00 modulus
 *   5F 37 82 01 00   RSASSA-PKCS1-v1_5 SHA-256 over the 5F4E value, by the issuer (CA) key
 * </pre>
 */
public final class CvCertificate {
    public static final int TAG = 0x7F21;
    public static final int TAG_BODY = 0x5F4E;
    public static final int TAG_SIGNATURE = 0x5F37;
    public static final int TAG_EXPONENT = 0x90;
    public static final int TAG_MODULUS = 0x91;
    /** The size of EF 0004 on a card. */
    public static final int SIZE = 568;
    /** Keys shorter than this are refused. */
    public static final int MINIMUM_MODULUS_BITS = 2048;
    private static final int MAXIMUM_MODULUS_BYTES = 1024;
    private static final int MAXIMUM_EXPONENT_BYTES = 8;

    private final KeyId issuerKeyId;
    private final KeyId subjectKeyId;
    private final RSAPublicKey publicKey;
    private final byte[] body;
    private final byte[] signature;

    private CvCertificate(KeyId issuerKeyId, KeyId subjectKeyId, RSAPublicKey publicKey, byte[] body, byte[] signature) {
        this.issuerKeyId = issuerKeyId;
        this.subjectKeyId = subjectKeyId;
        this.publicKey = publicKey;
        this.body = body;
        this.signature = signature;
    }

    /**
     * @throws CardDataException {@code CV_CERTIFICATE_MALFORMED}
     */
    public static CvCertificate parse(byte[] ef0004) {
        Reason reason = Reason.CV_CERTIFICATE_MALFORMED;
        BerTlv outer = BerTlv.expect(TAG, ef0004, 0, ef0004 == null ? 0 : ef0004.length, reason);
        BerTlv body = BerTlv.expect(TAG_BODY, ef0004, outer.valueOffset(), outer.end(), reason);
        BerTlv sig = BerTlv.expect(TAG_SIGNATURE, ef0004, body.end(), outer.end(), reason);
        if (sig.end() != outer.end()) {
            throw new CardDataException(reason, "bytes after 5F37");
        }
        if (sig.valueLength() == 0) {
            throw new CardDataException(reason, "empty signature");
        }
        if (body.valueLength() < 2 * KeyId.LENGTH) {
            throw new CardDataException(reason, "5F4E too short for two key ids");
        }
        int at = body.valueOffset();
        KeyId issuer = KeyId.of(Arrays.copyOfRange(ef0004, at, at + KeyId.LENGTH));
        KeyId subject = KeyId.of(Arrays.copyOfRange(ef0004, at + KeyId.LENGTH, at + 2 * KeyId.LENGTH));
        BerTlv exponent = BerTlv.expect(TAG_EXPONENT, ef0004, at + 2 * KeyId.LENGTH, body.end(), reason);
        BerTlv modulus = BerTlv.expect(TAG_MODULUS, ef0004, exponent.end(), body.end(), reason);
        if (modulus.end() != body.end()) {
            throw new CardDataException(reason, "bytes after the modulus");
        }
        RSAPublicKey key = rsaKey(exponent.value(ef0004), modulus.value(ef0004));
        return new CvCertificate(issuer, subject, key, body.value(ef0004), sig.value(ef0004));
    }

    /** Builds the 5F4E value for a virtual card's certificate. */
    public static byte[] encodeBody(KeyId issuer, KeyId subject, RSAPublicKey key) {
        return concat(issuer.bytes(), subject.bytes(),
                BerTlv.encode(TAG_EXPONENT, unsigned(key.getPublicExponent())),
                BerTlv.encode(TAG_MODULUS, unsigned(key.getModulus())));
    }

    /** Encodes EF 0004 from a body and the CA's signature over it. */
    public static byte[] encode(byte[] body, byte[] signature) {
        return BerTlv.encode(TAG, BerTlv.encode(TAG_BODY, body), BerTlv.encode(TAG_SIGNATURE, signature));
    }

    public KeyId issuerKeyId() {
        return issuerKeyId;
    }

    public KeyId subjectKeyId() {
        return subjectKeyId;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The signed 5F4E value. */
    public byte[] body() {
        return body.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    static RSAPublicKey rsaKey(byte[] exponentBytes, byte[] modulusBytes) {
        Reason reason = Reason.CV_CERTIFICATE_MALFORMED;
        if (exponentBytes.length == 0 || exponentBytes.length > MAXIMUM_EXPONENT_BYTES) {
            throw new CardDataException(reason, "exponent of " + exponentBytes.length + " bytes");
        }
        if (modulusBytes.length > MAXIMUM_MODULUS_BYTES) {
            throw new CardDataException(reason, "modulus of " + modulusBytes.length + " bytes");
        }
        BigInteger exponent = new BigInteger(1, exponentBytes);
        BigInteger modulus = new BigInteger(1, modulusBytes);
        if (modulus.bitLength() < MINIMUM_MODULUS_BITS || !modulus.testBit(0)) {
            throw new CardDataException(reason, "modulus of " + modulus.bitLength() + " bits");
        }
        if (!exponent.testBit(0) || exponent.compareTo(BigInteger.valueOf(3)) < 0 || exponent.compareTo(modulus) >= 0) {
            throw new CardDataException(reason, "unusable public exponent");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (InvalidKeySpecException e) {
            throw new CardDataException(reason, "unusable RSA key");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    static byte[] unsigned(BigInteger value) {
        byte[] b = value.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
