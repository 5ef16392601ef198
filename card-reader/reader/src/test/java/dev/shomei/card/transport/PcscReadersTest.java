package dev.shomei.card.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.sim.VirtualTerminals;
import dev.shomei.card.testing.TestCards;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcscReadersTest {

    @Test
    void severalReadersAndNoneConfiguredIsAnErrorListingThem() {
        PcscReaders readers = new PcscReaders(VirtualTerminals.of("Reader A", "Reader B").terminalFactory());
        ShomeiException e = assertThrows(ShomeiException.class, () -> readers.choose(null));
        assertEquals(ErrorCode.CARD_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("[Reader A, Reader B]"), e.getMessage());
        assertEquals("Reader B", readers.choose("Reader B").name());
    }

    @Test
    void aConfiguredReaderThatIsNotThereIsAnErrorListingTheOthers() {
        PcscReaders readers = new PcscReaders(VirtualTerminals.of("Reader A").terminalFactory());
        ShomeiException e = assertThrows(ShomeiException.class, () -> readers.choose("Reader Z"));
        assertTrue(e.getMessage().contains("\"Reader Z\" not found; readers: [Reader A]"), e.getMessage());
        assertEquals("Reader A", readers.choose(null).name(), "one reader, none configured: that one");
        assertEquals(List.of("Reader A"), readers.names());
    }

    @Test
    void noReaderAtAll() {
        PcscReaders readers = new PcscReaders(VirtualTerminals.of().terminalFactory());
        assertEquals(ErrorCode.CARD_UNREADABLE, assertThrows(ShomeiException.class, () -> readers.choose(null)).code());
    }

    @Test
    void aReaderWithNoCard() {
        VirtualTerminals terminals = VirtualTerminals.of("Reader A");
        PcscReader reader = new PcscReaders(terminals.terminalFactory()).choose("Reader A");
        assertFalse(reader.isCardPresent());
        assertFalse(reader.waitForCardPresent(Duration.ofMillis(50)));
        assertTrue(reader.waitForCardAbsent(Duration.ZERO));
        ShomeiException e = assertThrows(ShomeiException.class, reader::connect);
        assertEquals(ErrorCode.CARD_REMOVED, e.code());
        assertTrue(e.getMessage().contains("SCARD_E_NO_SMARTCARD"), e.getMessage());
    }

    @Test
    void waitsForInsertionAndRemoval() throws Exception {
        VirtualTerminals terminals = VirtualTerminals.of("Reader A");
        PcscReader reader = new PcscReaders(terminals.terminalFactory()).choose(null);
        Thread inserter = Thread.ofVirtual().start(() -> {
            sleep(100);
            terminals.terminal("Reader A").insert(TestCards.factory().card(TestCards.person(), TestCards.PIN));
        });
        assertTrue(reader.waitForCardPresent(Duration.ofSeconds(10)));
        inserter.join();
        try (PcscTransport transport = reader.connect()) {
            assertEquals("3BE000FF8131FE4514", dev.shomei.card.apdu.Hex.of(transport.atr()));
            assertEquals("T=1", transport.protocol());
        }
        Thread remover = Thread.ofVirtual().start(() -> {
            sleep(100);
            terminals.terminal("Reader A").remove();
        });
        assertTrue(reader.waitForCardAbsent(Duration.ofSeconds(10)));
        remover.join();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
