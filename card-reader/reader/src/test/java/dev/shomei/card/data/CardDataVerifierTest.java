package dev.shomei.card.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.CardDataException.Reason;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.testing.TestCards;
import dev.shomei.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.junit.jupiter.api.Test;

class CardDataVerifierTest {
    private final CardFactory factory = TestCards.factory();
    private final CardDataVerifier verifier = new CardDataVerifier(factory.trustedKeys());

    private CardFiles card() {
        return factory.files(TestCards.person());
    }

    @Test
    void untouchedCardVerifies() {
        VerifiedCardData data = verifier.verify(card());
        assertEquals(TestCards.MY_NUMBER, data.myNumber().reveal());
        assertEquals(TestCards.NAME, data.name());
        assertEquals(TestCards.ADDRESS, data.address());
        assertEquals(TestCards.BIRTH, data.birthDate());
        assertEquals(Sex.FEMALE, data.sex());
        assertEquals(CardFactory.DEV_CA_KEY_ID, data.issuerKeyId());
        assertFalse(data.toString().contains(TestCards.MY_NUMBER));
        assertFalse(data.toString().contains("試験"));
    }

    @Test
    void filesHaveTheSizesOfARealCard() {
        CardFiles files = card();
        assertEquals(MyNumberFile.SIZE, files.ef0001().length);
        assertEquals(SignatureFile.SIZE, files.ef0003().length);
        assertEquals(CvCertificate.SIZE, files.ef0004().length);
    }

    @Test
    void oneByteOfTheNameInEf0002FailsVerification() {
        CardFiles files = card();
        int at = indexOf(files.ef0002(), TestCards.NAME.getBytes(StandardCharsets.UTF_8));
        files.ef0002()[at + 1] ^= 0x01;
        CardDataException e = assertThrows(CardDataException.class, () -> verifier.verify(files));
        assertEquals(ErrorCode.CARD_DATA_INVALID, e.code());
        assertEquals(Reason.BASIC_INFO_HASH_MISMATCH, e.reason());
        assertNoPersonalData(e);
    }

    @Test
    void everySignedByteOfEf0002Counts() {
        byte[] original = card().ef0002();
        BasicInfoFile.SignedPart part = BasicInfoFile.signedPart(original);
        for (int i = part.from(); i < part.to(); i++) {
            CardFiles files = card();
            files.ef0002()[i] ^= (byte) 0x80;
            CardDataException e = assertThrows(CardDataException.class, () -> verifier.verify(files), "byte " + i);
            assertTrue(e.reason() == Reason.BASIC_INFO_HASH_MISMATCH || e.reason() == Reason.BASIC_INFO_MALFORMED,
                    "byte " + i + ": " + e.reason());
        }
    }

    @Test
    void theUnsignedOffsetsInDf21ChangeNothing() {
        CardFiles files = card();
        int df21 = indexOf(files.ef0002(), new byte[] {(byte) 0xDF, 0x21, 0x08});
        for (int i = 0; i < 8; i++) {
            files.ef0002()[df21 + 3 + i] = (byte) 0xEE;
        }
        VerifiedCardData data = verifier.verify(files);
        assertEquals(TestCards.NAME, data.name());
        assertEquals(TestCards.ADDRESS, data.address());
    }

    @Test
    void tamperedMyNumberFailsOnItsHash() {
        CardFiles files = card();
        files.ef0001()[5] = (byte) (files.ef0001()[5] == '9' ? '8' : files.ef0001()[5] + 1);
        CardDataException e = assertThrows(CardDataException.class, () -> verifier.verify(files));
        assertEquals(Reason.MY_NUMBER_HASH_MISMATCH, e.reason());
        assertNoPersonalData(e);
    }

    @Test
    void tamperedHashOrSignatureInEf0003FailsTheSignature() {
        for (int at : new int[] {5 + 3, 5 + 35 + 3 + 31, SignatureFile.SIZE - 1, SignatureFile.SIZE - 200}) {
            CardFiles files = card();
            files.ef0003()[at] ^= 0x01;
            CardDataException e = assertThrows(CardDataException.class, () -> verifier.verify(files));
            assertEquals(Reason.SIGNATURE_INVALID, e.reason(), "byte " + at);
        }
        CardFiles files = card();
        files.ef0003()[0] = 0x00;
        assertEquals(Reason.SIGNATURE_FILE_MALFORMED,
                assertThrows(CardDataException.class, () -> verifier.verify(files)).reason());
    }

    @Test
    void tamperedCertificateInEf0004Fails() {
        CardFiles modulus = card();
        modulus.ef0004()[CvCertificate.SIZE - 300] ^= 0x01;
        assertEquals(Reason.CV_CERTIFICATE_SIGNATURE_INVALID,
                assertThrows(CardDataException.class, () -> verifier.verify(modulus)).reason());

        CardFiles issuer = card();
        issuer.ef0004()[10 + 15] = 0x01; // last padding byte of the issuer key id
        assertEquals(Reason.UNTRUSTED_ISSUER,
                assertThrows(CardDataException.class, () -> verifier.verify(issuer)).reason());

        CardFiles signature = card();
        signature.ef0004()[CvCertificate.SIZE - 1] ^= 0x01;
        assertEquals(Reason.CV_CERTIFICATE_SIGNATURE_INVALID,
                assertThrows(CardDataException.class, () -> verifier.verify(signature)).reason());

        CardFiles structure = card();
        structure.ef0004()[1] = 0x22;
        assertEquals(Reason.CV_CERTIFICATE_MALFORMED,
                assertThrows(CardDataException.class, () -> verifier.verify(structure)).reason());
    }

    @Test
    void aCardFromAnotherCaWithTheSameKeyIdIsRefused() {
        CardFactory impostor = CardFactory.inMemory();
        CardDataException e = assertThrows(CardDataException.class,
                () -> verifier.verify(impostor.files(TestCards.person())));
        assertEquals(Reason.CV_CERTIFICATE_SIGNATURE_INVALID, e.reason());
    }

    @Test
    void productionAndTestConfigurationsRefuseDevCards() {
        for (TrustedCardKeys keys : new TrustedCardKeys[] {TrustedCardKeys.production(), TrustedCardKeys.test()}) {
            CardDataException e = assertThrows(CardDataException.class, () -> new CardDataVerifier(keys).verify(card()));
            assertEquals(Reason.UNTRUSTED_ISSUER, e.reason());
        }
        TrustedCardKeys dev = TrustedCardKeys.dev(CardFactory.DEV_CA_KEY_ID, factory.caPublicKey());
        assertEquals(TestCards.NAME, new CardDataVerifier(dev).verify(card()).name());
    }

    @Test
    void aSignedButInvalidMyNumberIsRefusedOnItsCheckDigit() {
        byte[] ef0001 = MyNumberFile.encodeDigits("123456789017".getBytes(StandardCharsets.US_ASCII));
        CardFiles good = card();
        byte[] ef0003 = factory.sign(ef0001, good.ef0002());
        CardDataException e = assertThrows(CardDataException.class,
                () -> verifier.verify(ef0001, good.ef0002(), ef0003, good.ef0004()));
        assertEquals(Reason.MY_NUMBER_CHECK_DIGIT, e.reason());
        assertNoPersonalData(e);
    }

    @Test
    void aSignedButMalformedBasicInfoIsRefused() {
        // DF25 (sex) missing, properly signed: only the parser can refuse it
        CardFiles good = card();
        byte[] malformed = BerTlv.encode(BasicInfoFile.TAG,
                BerTlv.encode(BasicInfoFile.TAG_OFFSETS, new byte[8]),
                BerTlv.encode(BasicInfoFile.TAG_NAME, TestCards.NAME.getBytes(StandardCharsets.UTF_8)),
                BerTlv.encode(BasicInfoFile.TAG_ADDRESS, TestCards.ADDRESS.getBytes(StandardCharsets.UTF_8)),
                BerTlv.encode(BasicInfoFile.TAG_BIRTH_DATE, "19900228".getBytes(StandardCharsets.US_ASCII)));
        byte[] ef0003 = factory.sign(good.ef0001(), malformed);
        CardDataException e = assertThrows(CardDataException.class,
                () -> verifier.verify(good.ef0001(), malformed, ef0003, good.ef0004()));
        assertEquals(Reason.BASIC_INFO_MALFORMED, e.reason());
    }

    @Test
    void bouncyCastleAgreesWithTheSignatures() {
        // independent implementation of RSASSA-PKCS1-v1_5/SHA-256 over the same bytes
        CardFiles files = card();
        CvCertificate certificate = CvCertificate.parse(files.ef0004());
        SignatureFile signature = SignatureFile.parse(files.ef0003());
        assertTrue(bcVerify(factory.caPublicKey(), certificate.body(), certificate.signature()));
        assertTrue(bcVerify(certificate.publicKey(), signature.signedBytes(), signature.signature()));
        assertEquals(70, signature.signedBytes().length);
        byte[] tampered = signature.signedBytes();
        tampered[40] ^= 1;
        assertFalse(bcVerify(certificate.publicKey(), tampered, signature.signature()));
    }

    @Test
    void wipeClearsTheFiles() {
        CardFiles files = card();
        files.wipe();
        assertArrayEquals(new byte[MyNumberFile.SIZE], files.ef0001());
        assertArrayEquals(new byte[SignatureFile.SIZE], files.ef0003());
        assertFalse(files.toString().contains("FF10"));
    }

    @Test
    void trustedKeysAreFoundByAllSixteenBytes() {
        assertTrue(factory.trustedKeys().find(KeyId.parse("9000033/001")).isPresent());
        assertFalse(factory.trustedKeys().find(KeyId.parse("9000033/002")).isPresent());
    }

    private static boolean bcVerify(java.security.interfaces.RSAPublicKey key, byte[] data, byte[] sig) {
        RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
        signer.init(false, new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent()));
        signer.update(data, 0, data.length);
        return signer.verifySignature(sig);
    }

    private static void assertNoPersonalData(Exception e) {
        String message = e.getMessage();
        assertFalse(message.contains(TestCards.MY_NUMBER), message);
        assertFalse(message.contains("9018"), message);
        assertFalse(message.contains("試験"), message);
        assertFalse(message.contains("文京"), message);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
