package dev.shomei.card.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.myna.CardRead;
import dev.shomei.card.myna.InputAssistApClient;
import dev.shomei.card.sim.VirtualCard;
import dev.shomei.card.sim.VirtualCardTerminal;
import dev.shomei.card.sim.VirtualTerminals;
import dev.shomei.card.testing.TestCards;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import org.junit.jupiter.api.Test;

/** The PC/SC transport on javax.smartcardio, against the virtual provider. */
class PcscTransportTest {
    private static final int FULL_READ_APDUS = 10;

    private final VirtualTerminals terminals = VirtualTerminals.of("Reader A");
    private final VirtualCardTerminal terminal = terminals.terminal("Reader A");
    private final PcscReader reader = new PcscReaders(terminals.terminalFactory()).choose("Reader A");

    private VirtualCard insert() {
        VirtualCard card = TestCards.factory().card(TestCards.person(), TestCards.PIN);
        terminal.insert(card);
        return card;
    }

    private static void fullRead(CardTransport transport) {
        InputAssistApClient ap = InputAssistApClient.select(transport);
        ap.triesLeft();
        ap.verifyPin(TestCards.PIN.toCharArray());
        try (CardRead read = ap.read()) {
            assertEquals(TestCards.NAME, read.data().basicInfo().name());
        }
    }

    @Test
    void readsTheCard() {
        insert();
        try (PcscTransport transport = reader.connect()) {
            fullRead(transport);
        }
    }

    @Test
    void theCardYankedAtEveryStepGivesCardRemoved() {
        for (int answered = 0; answered < FULL_READ_APDUS; answered++) {
            VirtualCard card = insert();
            terminal.removeCardAfter(answered);
            try (PcscTransport transport = reader.connect()) {
                ShomeiException e = assertThrows(ShomeiException.class, () -> fullRead(transport), "after " + answered);
                assertEquals(ErrorCode.CARD_REMOVED, e.code(), "after " + answered + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("SCARD_W_REMOVED_CARD"), e.getMessage());
            }
            assertEquals(3, card.triesLeft(), "a yank costs no PIN try");
            assertTrue(terminal.card().isEmpty());
        }
        // and with all 10 answered the read completes
        insert();
        terminal.removeCardAfter(FULL_READ_APDUS);
        try (PcscTransport transport = reader.connect()) {
            fullRead(transport);
        }
    }

    @Test
    void closeResetsTheCardSoNoVerifiedStateOutlivesTheTransaction() {
        insert();
        try (PcscTransport transport = reader.connect()) {
            InputAssistApClient ap = InputAssistApClient.select(transport);
            ap.verifyPin(TestCards.PIN.toCharArray());
        }
        try (PcscTransport transport = reader.connect()) {
            InputAssistApClient.select(transport);
            assertEquals("6982", Hex.of(transport.transceive(Hex.parse("00B0810011"))));
        }
    }

    @Test
    void exclusiveAccessKeepsASecondConnectionOut() {
        insert();
        try (PcscTransport first = reader.connect()) {
            ShomeiException e = assertThrows(ShomeiException.class, reader::connect);
            assertEquals(ErrorCode.CARD_UNREADABLE, e.code());
            assertTrue(e.getMessage().contains("SCARD_E_SHARING_VIOLATION"), e.getMessage());
            InputAssistApClient.select(first);
        }
        try (PcscTransport second = reader.connect()) {
            InputAssistApClient.select(second);
        }
    }

    @Test
    void aClosedTransportRefusesToSend() {
        insert();
        PcscTransport transport = reader.connect();
        transport.close();
        transport.close();
        assertThrows(IllegalStateException.class, () -> transport.transceive(Hex.parse("00A4040C0AD3921000310001010408")));
    }
}
