package dev.shomei.card.data;

import dev.shomei.card.data.CardDataException.Reason;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;

/**
 * Verifies the input-assist AP's files as MYNA-CARD.md describes, all steps or refuse:
 * <ol>
 *   <li>EF 0004 (CV certificate) verifies under a trusted CA key found by its full 16-byte issuer key id;</li>
 *   <li>EF 0003's signature over DF31 || DF32 verifies under the key inside EF 0004;</li>
 *   <li>SHA-256(EF 0001) = DF31 and SHA-256(EF 0002 from DF22 to the end of FF20) = DF32;</li>
 *   <li>then EF 0001 and EF 0002 are parsed (My Number check digit included).</li>
 * </ol>
 * Thread-safe; no {@code javax.smartcardio}.
 */
public final class CardDataVerifier {
    private final TrustedCardKeys trustedKeys;

    public CardDataVerifier(TrustedCardKeys trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    public VerifiedCardData verify(CardFiles files) {
        return verify(files.ef0001(), files.ef0002(), files.ef0003(), files.ef0004());
    }

    /**
     * @throws CardDataException ({@code CARD_DATA_INVALID}) with the reason; the message names no content
     */
    public VerifiedCardData verify(byte[] ef0001, byte[] ef0002, byte[] ef0003, byte[] ef0004) {
        CvCertificate certificate = CvCertificate.parse(ef0004);
        RSAPublicKey caKey = trustedKeys.find(certificate.issuerKeyId())
                .orElseThrow(() -> new CardDataException(Reason.UNTRUSTED_ISSUER,
                        "issuer key id " + certificate.issuerKeyId()));
        if (!RsaSignatures.verify(caKey, certificate.body(), certificate.signature())) {
            throw new CardDataException(Reason.CV_CERTIFICATE_SIGNATURE_INVALID, "issuer " + certificate.issuerKeyId());
        }

        SignatureFile signatureFile = SignatureFile.parse(ef0003);
        if (!RsaSignatures.verify(certificate.publicKey(), signatureFile.signedBytes(), signatureFile.signature())) {
            throw new CardDataException(Reason.SIGNATURE_INVALID, "signer " + certificate.subjectKeyId());
        }

        if (ef0001 == null || !MessageDigest.isEqual(sha256(ef0001, 0, ef0001.length), signatureFile.myNumberHash())) {
            throw new CardDataException(Reason.MY_NUMBER_HASH_MISMATCH, "");
        }
        BasicInfoFile.SignedPart part = BasicInfoFile.signedPart(ef0002);
        if (!MessageDigest.isEqual(sha256(ef0002, part.from(), part.length()), signatureFile.basicInfoHash())) {
            throw new CardDataException(Reason.BASIC_INFO_HASH_MISMATCH, "");
        }

        MyNumber myNumber = MyNumberFile.parse(ef0001);
        try {
            BasicInfo info = BasicInfoFile.parse(ef0002);
            return new VerifiedCardData(myNumber, info.name(), info.address(), info.birthDate(), info.sex(),
                    certificate.issuerKeyId());
        } catch (CardDataException e) {
            myNumber.wipe();
            throw e;
        }
    }

    public TrustedCardKeys trustedKeys() {
        return trustedKeys;
    }

    static byte[] sha256(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
