package dev.shomei.card.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.testing.TestCards;
import java.math.BigInteger;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TrustedCardKeysTest {

    @Test
    void productionTrustsTheProductionKeyOnly() {
        assertEquals(Set.of(TrustedCardKeys.PRODUCTION_KEY_ID), TrustedCardKeys.production().keyIds());
    }

    @Test
    void testAddsTheJpkiTestHierarchyAndDevAddsOurs() {
        assertEquals(Set.of(TrustedCardKeys.PRODUCTION_KEY_ID, TrustedCardKeys.JPKI_TEST_KEY_ID),
                TrustedCardKeys.test().keyIds());
        TrustedCardKeys dev = TrustedCardKeys.dev(CardFactory.DEV_CA_KEY_ID, TestCards.factory().caPublicKey());
        assertEquals(3, dev.keyIds().size());
        assertTrue(dev.find(KeyId.parse("9000033/001")).isPresent());
    }

    @Test
    void productionConfigurationNeverAsksForTheDevKey() {
        AtomicBoolean asked = new AtomicBoolean();
        TrustedCardKeys keys = TrustedCardKeys.forProfile(TrustedCardKeys.Profile.PRODUCTION, CardFactory.DEV_CA_KEY_ID, () -> {
            asked.set(true);
            return TestCards.factory().caPublicKey();
        });
        assertEquals(1, keys.keyIds().size());
        assertEquals(false, asked.get());
    }

    @Test
    void publishedKeysAreRsa2048WithF4() {
        assertEquals(2048, TrustedCardKeys.productionKey().getModulus().bitLength());
        assertEquals(BigInteger.valueOf(65537), TrustedCardKeys.productionKey().getPublicExponent());
        assertTrue(TrustedCardKeys.productionKey().getModulus().toString(16).toUpperCase().startsWith("D24615F63525E740"));
        assertTrue(TrustedCardKeys.jpkiTestKey().getModulus().toString(16).toUpperCase().endsWith("4057C74D"));
    }

    @Test
    void profileParsing() {
        assertEquals(TrustedCardKeys.Profile.PRODUCTION, TrustedCardKeys.Profile.parse("Production"));
        assertEquals("dev", TrustedCardKeys.Profile.DEV.toString());
        assertThrows(IllegalArgumentException.class, () -> TrustedCardKeys.Profile.parse("staging"));
        assertThrows(IllegalArgumentException.class,
                () -> TrustedCardKeys.builder().add(CardFactory.DEV_CA_KEY_ID, TestCards.factory().caPublicKey())
                        .add(CardFactory.DEV_CA_KEY_ID, TestCards.factory().caPublicKey()));
    }
}
