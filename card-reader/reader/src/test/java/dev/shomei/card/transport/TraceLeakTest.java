package dev.shomei.card.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.CardDataVerifier;
import dev.shomei.card.data.VerifiedCardData;
import dev.shomei.card.myna.CardRead;
import dev.shomei.card.myna.InputAssistApClient;
import dev.shomei.card.myna.PinIncorrectException;
import dev.shomei.card.sim.VirtualTerminals;
import dev.shomei.protocol.testing.LogCapture;
import dev.shomei.card.testing.NoSecrets;
import dev.shomei.card.testing.TestCards;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With every logger at ALL, a full read (wrong PIN first) leaves no PIN, My Number or 4 info in the logs. */
class TraceLeakTest {

    @Test
    void theMostVerboseTraceLeaksNothingPersonal() {
        VirtualTerminals terminals = VirtualTerminals.of("Reader A");
        terminals.terminal("Reader A").insert(TestCards.factory().card(TestCards.person(), TestCards.PIN));
        try (LogCapture logs = new LogCapture()) {
            PcscReader reader = new PcscReaders(terminals.terminalFactory()).choose(null);
            try (CardTransport transport = new TracingTransport(reader.connect())) {
                InputAssistApClient ap = InputAssistApClient.select(transport);
                ap.triesLeft();
                assertThrows(PinIncorrectException.class, () -> ap.verifyPin("9876".toCharArray()));
                ap.verifyPin(TestCards.PIN.toCharArray());
                try (CardRead read = ap.read()) {
                    VerifiedCardData data = new CardDataVerifier(TestCards.factory().trustedKeys()).verify(read.files());
                    System.getLogger("dev.shomei.test").log(System.Logger.Level.TRACE, "verified {0} {1}", data, read);
                }
            }
            String all = logs.all();
            List<String> lines = logs.lines();
            assertTrue(lines.stream().anyMatch(l -> l.contains(">> 00A4040C 0AD3921000310001010408")), all);
            assertTrue(lines.stream().anyMatch(l -> l.contains(">> 00200091 [4 bytes masked]")), all);
            assertTrue(lines.stream().anyMatch(l -> l.contains("<< [17 bytes masked] 9000")), all);
            assertTrue(lines.stream().anyMatch(l -> l.contains("<< 7F21820233")), "EF 0004 is public and shown");
            assertEquals(2 * 11, lines.stream().filter(l -> l.contains(">> ") || l.contains("<< ")).count(), all);
            NoSecrets.assertNone(all);
        }
    }
}
