package dev.shomei.card.sim;

import dev.shomei.card.data.BasicInfoFile;
import dev.shomei.card.data.BerTlv;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.CvCertificate;
import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.MyNumberFile;
import dev.shomei.card.data.RsaSignatures;
import dev.shomei.card.data.SignatureFile;
import dev.shomei.card.data.TrustedCardKeys;
import dev.shomei.card.myna.InputAssistAp;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Personalises virtual cards the way J-LIS does: EF 0001 and EF 0002 from a {@link CardPerson},
 * EF 0003 with their hashes signed by a signer key, EF 0004 the signer's CV certificate signed by
 * the J-LIS CA key. shomei's CA key is the dev key of the Foundation PKI ({@code
 * state/pki/jlis-dev.key}, id "9000033/001"); {@link #inMemory()} makes a throw-away CA for tests.
 *
 * <p>The signer key is generated once per factory (RSA-2048) unless given.
 */
public final class CardFactory {
    /** Key id of the signer key in shomei's dev hierarchy (the CA is "9000033/001"). */
    public static final KeyId DEV_SIGNER_KEY_ID = KeyId.parse("9000033/101");
    /** Key id of the dev CA, same as {@code KeySource.JLIS_DEV_KEY_ID}. */
    public static final KeyId DEV_CA_KEY_ID = KeyId.parse("9000033/001");

    private final KeyId caKeyId;
    private final RSAPublicKey caPublicKey;
    private final KeyPair signerKey;
    private final byte[] certificate;
    private final byte[] apInfo;

    /** A factory whose CA is {@code caKey}; a fresh signer key is generated. */
    public CardFactory(KeyPair caKey, KeyId caKeyId) {
        this(caKey, caKeyId, generateRsa2048(), DEV_SIGNER_KEY_ID);
    }

    public CardFactory(KeyPair caKey, KeyId caKeyId, KeyPair signerKey, KeyId signerKeyId) {
        if (!(caKey.getPublic() instanceof RSAPublicKey caPublic) || !(signerKey.getPublic() instanceof RSAPublicKey signerPublic)) {
            throw new IllegalArgumentException("card keys are RSA");
        }
        this.caKeyId = caKeyId;
        this.caPublicKey = caPublic;
        this.signerKey = signerKey;
        byte[] body = CvCertificate.encodeBody(caKeyId, signerKeyId, signerPublic);
        this.certificate = CvCertificate.encode(body, RsaSignatures.sign(caKey.getPrivate(), body));
        this.apInfo = BerTlv.encode(0xFF40,
                BerTlv.encode(0xDF41, new byte[] {0x04, 0x00, 0x00, 0x01}),
                BerTlv.encode(0xDF42, signerKeyId.bytes()),
                BerTlv.encode(0xDF43, new byte[128]));
    }

    /** A factory with a throw-away dev CA ("9000033/001"): pair it with {@link #trustedKeys()}. */
    public static CardFactory inMemory() {
        return new CardFactory(generateRsa2048(), DEV_CA_KEY_ID);
    }

    /** Trusts exactly this factory's CA: for tests that verify what the factory made. */
    public TrustedCardKeys trustedKeys() {
        return TrustedCardKeys.builder().add(caKeyId, caPublicKey).build();
    }

    public KeyId caKeyId() {
        return caKeyId;
    }

    public RSAPublicKey caPublicKey() {
        return caPublicKey;
    }

    /** The raw EF 0001..0004 of a card for {@code person}, signed: what the center verifies. */
    public CardFiles files(CardPerson person) {
        byte[] ef0001 = MyNumberFile.encode(person.myNumber());
        byte[] ef0002 = BasicInfoFile.encode(person.basicInfo());
        return new CardFiles(ef0001, ef0002, sign(ef0001, ef0002), certificate.clone());
    }

    /**
     * EF 0003 for the given EF 0001 and EF 0002 bytes, whatever they hold (tests sign malformed
     * content with it to reach the parsers behind the signature check).
     */
    public byte[] sign(byte[] ef0001, byte[] ef0002) {
        BasicInfoFile.SignedPart part = BasicInfoFile.signedPart(ef0002);
        byte[] signed = SignatureFile.signedBytes(sha256(ef0001, 0, ef0001.length),
                sha256(ef0002, part.from(), part.length()));
        return SignatureFile.encode(signed, RsaSignatures.sign(signerKey.getPrivate(), signed));
    }

    /** EF 0004: the signer's CV certificate. */
    public byte[] certificate() {
        return certificate.clone();
    }

    /** The card file for {@code person}: personalised, signed, {@code triesLeft} tries. */
    public VirtualCardFile personalise(CardPerson person, String pin, int triesLeft) {
        return VirtualCardFile.of(person, pin, triesLeft, VirtualCard.DEFAULT_ATR, fileMap(files(person)));
    }

    /** An in-memory card (no file behind it) for {@code person}, full tries. */
    public VirtualCard card(CardPerson person, String pin) {
        return personalise(person, pin, InputAssistAp.MAX_PIN_TRIES).toCard();
    }

    /** The EF map a card serves, from raw files (tests tamper with them first). */
    public Map<Integer, byte[]> fileMap(CardFiles files) {
        Map<Integer, byte[]> map = new LinkedHashMap<>();
        map.put(InputAssistAp.EF_MY_NUMBER, files.ef0001().clone());
        map.put(InputAssistAp.EF_BASIC_INFO, files.ef0002().clone());
        map.put(InputAssistAp.EF_SIGNATURE, files.ef0003().clone());
        map.put(InputAssistAp.EF_CERTIFICATE, files.ef0004().clone());
        map.put(InputAssistAp.EF_AP_INFO, apInfo.clone());
        return map;
    }

    @Override
    public String toString() {
        return "CardFactory[ca=" + caKeyId + "]";
    }

    static KeyPair generateRsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static byte[] sha256(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, offset, length);
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
