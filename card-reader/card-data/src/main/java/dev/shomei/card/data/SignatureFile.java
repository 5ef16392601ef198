package dev.shomei.card.data;

import dev.shomei.card.data.CardDataException.Reason;
import java.util.Arrays;

/**
 * EF 0003, what makes the data authentic (336 bytes on a card):
 * <pre>
 * FF 30 82 01 4B
 *   DF 31 20        SHA-256 of the whole EF 0001
 *   DF 32 20        SHA-256 of EF 0002 from DF22 to the end of the FF20 value
 *   DF 33 82 01 00  RSASSA-PKCS1-v1_5 SHA-256 over DF31 TLV || DF32 TLV (70 bytes)
 * </pre>
 */
public final class SignatureFile {
    public static final int TAG = 0xFF30;
    public static final int TAG_MY_NUMBER_HASH = 0xDF31;
    public static final int TAG_BASIC_INFO_HASH = 0xDF32;
    public static final int TAG_SIGNATURE = 0xDF33;
    /** The size of EF 0003 on a card. */
    public static final int SIZE = 336;

    private final byte[] myNumberHash;
    private final byte[] basicInfoHash;
    private final byte[] signedBytes;
    private final byte[] signature;

    private SignatureFile(byte[] myNumberHash, byte[] basicInfoHash, byte[] signedBytes, byte[] signature) {
        this.myNumberHash = myNumberHash;
        this.basicInfoHash = basicInfoHash;
        this.signedBytes = signedBytes;
        this.signature = signature;
    }

    /**
     * @throws CardDataException {@code SIGNATURE_FILE_MALFORMED}
     */
    public static SignatureFile parse(byte[] ef0003) {
        Reason reason = Reason.SIGNATURE_FILE_MALFORMED;
        BerTlv outer = BerTlv.expect(TAG, ef0003, 0, ef0003 == null ? 0 : ef0003.length, reason);
        BerTlv h1 = BerTlv.expect(TAG_MY_NUMBER_HASH, ef0003, outer.valueOffset(), outer.end(), reason);
        BerTlv h2 = BerTlv.expect(TAG_BASIC_INFO_HASH, ef0003, h1.end(), outer.end(), reason);
        BerTlv sig = BerTlv.expect(TAG_SIGNATURE, ef0003, h2.end(), outer.end(), reason);
        if (h1.valueLength() != 32 || h2.valueLength() != 32) {
            throw new CardDataException(reason, "a hash is not 32 bytes");
        }
        if (sig.valueLength() == 0) {
            throw new CardDataException(reason, "empty signature");
        }
        if (sig.end() != outer.end()) {
            throw new CardDataException(reason, "bytes after DF33");
        }
        return new SignatureFile(h1.value(ef0003), h2.value(ef0003),
                Arrays.copyOfRange(ef0003, h1.start(), h2.end()), sig.value(ef0003));
    }

    /** The bytes the signature covers: DF31 TLV || DF32 TLV, headers included. */
    public static byte[] signedBytes(byte[] myNumberHash, byte[] basicInfoHash) {
        byte[] a = BerTlv.encode(TAG_MY_NUMBER_HASH, myNumberHash);
        byte[] b = BerTlv.encode(TAG_BASIC_INFO_HASH, basicInfoHash);
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Encodes EF 0003 from the signed bytes and the signature. */
    public static byte[] encode(byte[] signedBytes, byte[] signature) {
        return BerTlv.encode(TAG, signedBytes, BerTlv.encode(TAG_SIGNATURE, signature));
    }

    public byte[] myNumberHash() {
        return myNumberHash.clone();
    }

    public byte[] basicInfoHash() {
        return basicInfoHash.clone();
    }

    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }
}
