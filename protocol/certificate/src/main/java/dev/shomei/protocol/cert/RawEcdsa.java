package dev.shomei.protocol.cert;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * ECDSA in the JOSE form both QR formats use: the signature is {@code R || S}, each half a fixed
 * {@code n}-byte big-endian number (32 bytes for P-256), not DER. Signing is deterministic
 * (RFC 6979), so a fixed key and message give a known answer. Bouncy Castle's low-level API is used
 * for speed; keys may come from any JCA provider.
 *
 * <p>The algorithm follows the curve, as JWS requires: P-256 ES256 (SHA-256), P-384 ES384, P-521 ES512.
 */
public final class RawEcdsa {
    private RawEcdsa() {
    }

    /** A signing key converted once, for many signatures. Thread-safe. */
    public static final class Signer {
        private final ECPrivateKeyParameters key;
        private final int size;

        private Signer(ECPrivateKeyParameters key) {
            this.key = key;
            this.size = halfSize(key.getParameters());
        }

        /** Signs {@code data} (hashed here) and returns {@code R || S}. */
        public byte[] sign(byte[] data) {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(digest(size)));
            signer.init(true, key);
            BigInteger[] rs = signer.generateSignature(hash(size, data));
            byte[] raw = new byte[2 * size];
            writeFixed(rs[0], raw, 0, size);
            writeFixed(rs[1], raw, size, size);
            return raw;
        }

        /** The JWS algorithm name of this key: ES256, ES384 or ES512. */
        public String algorithm() {
            return algorithmFor(size);
        }
    }

    /** A verification key converted once. Thread-safe. */
    public static final class Verifier {
        private final ECPublicKeyParameters key;
        private final int size;

        private Verifier(ECPublicKeyParameters key) {
            this.key = key;
            this.size = halfSize(key.getParameters());
        }

        /** Whether {@code raw} ({@code R || S}) is a valid signature of {@code data} by this key. */
        public boolean verify(byte[] data, byte[] raw) {
            if (raw == null || raw.length != 2 * size) {
                return false;
            }
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, size));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, size, 2 * size));
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, key);
            return signer.verifySignature(hash(size, data), r, s);
        }

        /** The JWS algorithm name that goes with this key's curve. */
        public String algorithm() {
            return algorithmFor(size);
        }
    }

    public static Signer signer(PrivateKey key) {
        try {
            return new Signer((ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key));
        } catch (InvalidKeyException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC private key", e);
        }
    }

    public static Verifier verifier(PublicKey key) {
        try {
            return new Verifier((ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key));
        } catch (InvalidKeyException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC public key", e);
        }
    }

    /** Converts {@code R || S} to the DER {@code SEQUENCE {INTEGER r, INTEGER s}} that JCA uses. */
    public static byte[] toDer(byte[] raw) {
        if (raw.length == 0 || raw.length % 2 != 0) {
            throw new IllegalArgumentException("raw ECDSA signature must have two equal halves");
        }
        int half = raw.length / 2;
        byte[] r = derInteger(Arrays.copyOfRange(raw, 0, half));
        byte[] s = derInteger(Arrays.copyOfRange(raw, half, raw.length));
        int bodyLength = r.length + s.length;
        byte[] lengthBytes = bodyLength < 128 ? new byte[] {(byte) bodyLength}
                : new byte[] {(byte) 0x81, (byte) bodyLength};
        byte[] der = new byte[1 + lengthBytes.length + bodyLength];
        der[0] = 0x30;
        System.arraycopy(lengthBytes, 0, der, 1, lengthBytes.length);
        System.arraycopy(r, 0, der, 1 + lengthBytes.length, r.length);
        System.arraycopy(s, 0, der, 1 + lengthBytes.length + r.length, s.length);
        return der;
    }

    /** Converts a DER ECDSA signature to {@code R || S} with halves of {@code size} bytes. */
    public static byte[] fromDer(byte[] der, int size) {
        try {
            int[] position = {0};
            expect(der, position, 0x30);
            int sequenceLength = readLength(der, position);
            if (position[0] + sequenceLength != der.length) {
                throw new IllegalArgumentException("DER signature length mismatch");
            }
            BigInteger r = readInteger(der, position);
            BigInteger s = readInteger(der, position);
            if (position[0] != der.length) {
                throw new IllegalArgumentException("trailing bytes after DER signature");
            }
            byte[] raw = new byte[2 * size];
            writeFixed(r, raw, 0, size);
            writeFixed(s, raw, size, size);
            return raw;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated DER signature", e);
        }
    }

    private static byte[] derInteger(byte[] unsigned) {
        int start = 0;
        while (start < unsigned.length - 1 && unsigned[start] == 0) {
            start++;
        }
        boolean pad = (unsigned[start] & 0x80) != 0;
        int length = unsigned.length - start + (pad ? 1 : 0);
        byte[] out = new byte[2 + length];
        out[0] = 0x02;
        out[1] = (byte) length;
        System.arraycopy(unsigned, start, out, 2 + (pad ? 1 : 0), unsigned.length - start);
        return out;
    }

    private static void expect(byte[] der, int[] position, int tag) {
        if ((der[position[0]++] & 0xff) != tag) {
            throw new IllegalArgumentException("unexpected DER tag");
        }
    }

    private static int readLength(byte[] der, int[] position) {
        int first = der[position[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        if (first == 0x81) {
            return der[position[0]++] & 0xff;
        }
        throw new IllegalArgumentException("unsupported DER length");
    }

    private static BigInteger readInteger(byte[] der, int[] position) {
        expect(der, position, 0x02);
        int length = readLength(der, position);
        BigInteger value = new BigInteger(Arrays.copyOfRange(der, position[0], position[0] + length));
        if (length == 0 || value.signum() < 0) {
            throw new IllegalArgumentException("bad DER integer");
        }
        position[0] += length;
        return value;
    }

    private static void writeFixed(BigInteger value, byte[] out, int offset, int size) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > size ? bytes.length - size : 0;
        for (int i = 0; i < start; i++) {
            if (bytes[i] != 0) {
                throw new IllegalArgumentException("integer does not fit in " + size + " bytes");
            }
        }
        int length = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + size - length, length);
    }

    private static int halfSize(ECDomainParameters parameters) {
        return (parameters.getCurve().getFieldSize() + 7) / 8;
    }

    private static String algorithmFor(int size) {
        return switch (size) {
            case 32 -> "ES256";
            case 48 -> "ES384";
            case 66 -> "ES512";
            default -> throw new IllegalArgumentException("unsupported curve size " + size);
        };
    }

    private static Digest digest(int size) {
        return switch (size) {
            case 32 -> new SHA256Digest();
            case 48 -> new SHA384Digest();
            case 66 -> new SHA512Digest();
            default -> throw new IllegalArgumentException("unsupported curve size " + size);
        };
    }

    private static byte[] hash(int size, byte[] data) {
        Digest digest = digest(size);
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
