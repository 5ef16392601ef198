package dev.shomei.kiosk.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.CardFiles;
import dev.shomei.card.myna.InputAssistAp;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.card.sim.VirtualCard;
import dev.shomei.card.sim.VirtualTerminals;
import dev.shomei.card.transport.PcscReaders;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PC/SC adapter over the virtual javax.smartcardio provider: the same calls a real reader gets. */
class PcscCardReaderTest {
    private static final String READER = "Virtual Reader 0";
    private static final CardFactory CARDS = CardFactory.inMemory();

    private VirtualTerminals terminals;
    private VirtualCard card;
    private final AtomicInteger lookups = new AtomicInteger();
    private PcscCardReader reader;

    @BeforeEach
    void setUp() {
        terminals = VirtualTerminals.of(READER, "Another Reader");
        card = CARDS.card(CardPerson.sample(new SecureRandom()), "1234");
        PcscReaders readers = new PcscReaders(terminals.terminalFactory());
        reader = new PcscCardReader(() -> {
            lookups.incrementAndGet();
            return readers;
        }, READER);
    }

    @Test
    void seesTheCardComeAndGo() {
        assertFalse(reader.cardPresent());
        terminals.terminal(READER).insert(card);
        assertTrue(reader.cardPresent());
        terminals.terminal(READER).remove();
        assertFalse(reader.cardPresent());
        assertEquals(DeviceStatus.OK, reader.status());
    }

    @Test
    void readsTheFourFilesAfterTheRightPin() {
        terminals.terminal(READER).insert(card);
        assertEquals(3, reader.pinTriesLeft());
        char[] pin = "1234".toCharArray();
        CardFiles files = reader.verifyPinAndRead(pin);
        assertArrayEquals(card.file(InputAssistAp.EF_MY_NUMBER), files.ef0001());
        assertArrayEquals(card.file(InputAssistAp.EF_CERTIFICATE), files.ef0004());
        assertArrayEquals(new char[4], pin, "the PIN array is wiped");
    }

    @Test
    void aWrongPinCostsATry() {
        terminals.terminal(READER).insert(card);
        ShomeiException e = assertThrows(ShomeiException.class, () -> reader.verifyPinAndRead("9999".toCharArray()));
        assertEquals(ErrorCode.PIN_INCORRECT, e.code());
        assertEquals(2, reader.pinTriesLeft());
    }

    @Test
    void aCardTakenAwayIsCardRemoved() {
        terminals.terminal(READER).insert(card);
        terminals.terminal(READER).removeCardAfter(3);
        assertEquals(ErrorCode.CARD_REMOVED,
                assertThrows(ShomeiException.class, () -> reader.verifyPinAndRead("1234".toCharArray())).code());
    }

    @Test
    void theConfiguredReaderIsUsedAndAMissingOneIsAbsent() {
        terminals.terminal("Another Reader").insert(card);
        assertFalse(reader.cardPresent(), "a card in another reader is not ours");
        PcscCardReader missing = new PcscCardReader(() -> new PcscReaders(terminals.terminalFactory()), "No Such Reader");
        assertEquals(DeviceStatus.ABSENT, missing.status());
        assertFalse(missing.cardPresent());
        assertEquals(ErrorCode.CARD_UNREADABLE, assertThrows(ShomeiException.class, missing::pinTriesLeft).code());
    }

    @Test
    void theReaderIsLookedUpOnceWhileItWorks() {
        terminals.terminal(READER).insert(card);
        for (int i = 0; i < 10; i++) {
            assertTrue(reader.cardPresent());
        }
        reader.pinTriesLeft();
        assertEquals(1, lookups.get());
    }
}
