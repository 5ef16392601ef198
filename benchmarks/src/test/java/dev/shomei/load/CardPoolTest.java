package dev.shomei.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.protocol.CertificateType;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each simulated kiosk gets cards of its own, so that no card shows up at two terminals. */
class CardPoolTest {
    private static CardPool pool;

    @BeforeAll
    static void makeCards() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        pool = CardPool.make(new CardFactory(rsa.generateKeyPair(), KeyId.parse("6000033/001")), "131059", 20240501L,
                200, 10, CertificateType.DOMESTIC);
    }

    @Test
    void theKiosksSharesAreDisjointAndTogetherTheWholePool() {
        assertEquals(10, pool.size());
        Set<CardPool.Card> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int kiosk = 0; kiosk < 3; kiosk++) {
            CardPool mine = pool.share(kiosk, 3);
            Set<CardPool.Card> drawn = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int n = 0; n < 100; n++) { // every card the kiosk draws, wrapping around
                drawn.add(mine.card(n));
            }
            assertEquals(mine.size(), drawn.size());
            for (CardPool.Card card : drawn) {
                assertTrue(all.add(card), "kiosk " + kiosk + " drew a card another kiosk draws too");
            }
        }
        assertEquals(10, all.size(), "together the whole pool");
        assertEquals(List.of(4, 3, 3), List.of(pool.share(0, 3).size(), pool.share(1, 3).size(), pool.share(2, 3).size()));
        assertEquals(pool.share(1, 3).residents().getFirst(), pool.residents().get(1), "residents stay in step with cards");
    }

    @Test
    void withMoreKiosksThanCardsEachKioskStillGetsACard() {
        List<Integer> sizes = new ArrayList<>();
        for (int kiosk = 0; kiosk < 25; kiosk++) {
            sizes.add(pool.share(kiosk, 25).size());
        }
        assertTrue(sizes.stream().allMatch(size -> size == 1), sizes.toString());
    }
}
