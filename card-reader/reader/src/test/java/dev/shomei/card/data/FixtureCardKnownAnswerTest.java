package dev.shomei.card.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.myna.InputAssistAp;
import dev.shomei.card.sim.VirtualCardFile;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Known answers from a fixed card in test resources (cards/fixture-card.json, its CA modulus in
 * cards/fixture-ca-modulus.hex). The hashes below were computed, and both signatures checked, by an
 * independent Python script (hashlib + textbook RSA with the PKCS#1 v1.5 DigestInfo) from the
 * layout in MYNA-CARD.md. A change of format or of the verifier that breaks old cards fails here.
 */
class FixtureCardKnownAnswerTest {
    private static final String EF0001_SHA256 = "C60C415D94405F03E9C454A8BAE073837D2C619925196526852FE61D9C58422D";
    private static final String EF0002_SIGNED_PART_SHA256 = "0C048610E59A7A47933436594E7F7FF788EA706EDBDA0E8BB070722E551E2EEF";

    @Test
    void theFixtureCardVerifiesWithItsFixedCaKey() throws Exception {
        VirtualCardFile card = VirtualCardFile.read(resource("cards/fixture-card.json"));
        BigInteger modulus = new BigInteger(Files.readString(resource("cards/fixture-ca-modulus.hex")).trim(), 16);
        PublicKey ca = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(65537)));
        TrustedCardKeys keys = TrustedCardKeys.builder().add(KeyId.parse("9000033/001"), ca).build();

        VerifiedCardData data = new CardDataVerifier(keys).verify(card.file(InputAssistAp.EF_MY_NUMBER),
                card.file(InputAssistAp.EF_BASIC_INFO), card.file(InputAssistAp.EF_SIGNATURE), card.file(InputAssistAp.EF_CERTIFICATE));
        assertEquals("123456789018", data.myNumber().reveal());
        assertEquals("見本\u3000花子", data.name());
        assertEquals("東京都文京区春日一丁目１６番２１号", data.address());
        assertEquals("1985-04-01", data.birthDate().toString());
        assertEquals(Sex.FEMALE, data.sex());
        assertEquals("9000033/101", CvCertificate.parse(card.file(InputAssistAp.EF_CERTIFICATE)).subjectKeyId().toString());

        SignatureFile signature = SignatureFile.parse(card.file(InputAssistAp.EF_SIGNATURE));
        assertEquals(EF0001_SHA256, Hex.of(signature.myNumberHash()));
        assertEquals(EF0002_SIGNED_PART_SHA256, Hex.of(signature.basicInfoHash()));
        assertEquals(EF0001_SHA256, Hex.of(CardDataVerifier.sha256(card.file(1), 0, 17)));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FixtureCardKnownAnswerTest.class.getClassLoader().getResource(name).toURI());
    }
}
