package dev.shomei.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.TrustedCardKeys;
import dev.shomei.protocol.pki.KeySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A production center trusts exactly the J-LIS keys of its trust file, never the dev key, and will not start without it. */
class CardTrustFileTest {
    @TempDir
    Path dir;

    @Test
    void productionTrustsTheFileKeysOnly() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair standIn = rsa.generateKeyPair(); // a stand-in for the J-LIS production key, made here
        Files.writeString(dir.resolve("jlis-trust.pem"), "# J-LIS production\n"
                + CardTrustFile.format("5000033/001", standIn.getPublic()));

        TrustedCardKeys production = CardTrustFile.load(dir.resolve("jlis-trust.pem"), TrustedCardKeys.Profile.PRODUCTION);
        assertEquals(Set.of(KeyId.parse("5000033/001")), production.keyIds());
        assertEquals(standIn.getPublic(), production.find(KeyId.parse("5000033/001")).orElseThrow());
        assertTrue(production.find(KeyId.parse(KeySource.JLIS_DEV_KEY_ID)).isEmpty(), "a dev-signed card finds no key");

        TrustedCardKeys test = CardTrustFile.load(dir.resolve("jlis-trust.pem"), TrustedCardKeys.Profile.TEST);
        assertEquals(Set.of(KeyId.parse("5000033/001"), TrustedCardKeys.JPKI_TEST_KEY_ID), test.keyIds());
    }

    @Test
    void aProductionCenterRefusesDevTrustAndAMissingTrustFile() {
        CenterSettings defaults = CenterSettings.defaults();
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> CenterMain.productionCardTrust(defaults, dir));
        assertTrue(missing.getMessage().contains("card trust file"));
        IllegalStateException dev = assertThrows(IllegalStateException.class,
                () -> CenterMain.productionCardTrust(defaults.withCardTrust(TrustedCardKeys.Profile.DEV), dir));
        assertTrue(dev.getMessage().contains("--demo"));
    }
}
