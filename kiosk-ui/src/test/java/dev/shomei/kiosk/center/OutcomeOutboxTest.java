package dev.shomei.kiosk.center;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.PrintOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which refusals keep an outcome for later and which end it. */
class OutcomeOutboxTest {
    private final FakeCenter center = new FakeCenter();
    private final OutcomeOutbox outbox = new OutcomeOutbox(center, Runnable::run, 10);

    @Test
    void aDisabledTerminalKeepsItsOutcomeUntilTheCenterTakesIt() {
        center.failOutcome(new ShomeiException(ErrorCode.TERMINAL_DISABLED, "refused"));
        outbox.submit(PrintOutcome.printed("tx-paid"));
        assertEquals(1, outbox.pending(), "a printed certificate's report is never dropped because of a disable");
        center.failOutcome(null); // enabled again, or a center that knows the transaction
        outbox.flush();
        assertEquals(0, outbox.pending());
        assertEquals(List.of(PrintOutcome.printed("tx-paid")), center.outcomes);
    }

    @Test
    void anUnavailableCenterKeepsTheOutcome() {
        center.failOutcome(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
        outbox.submit(PrintOutcome.printed("tx-1"));
        assertEquals(1, outbox.pending());
    }

    @Test
    void aRefusalForGoodEndsTheOutcome() {
        center.failOutcome(new ShomeiException(ErrorCode.INVALID_REQUEST, "unknown transaction"));
        outbox.submit(PrintOutcome.printed("tx-unknown"));
        assertEquals(0, outbox.pending(), "the center alerted the operator; sending it again would change nothing");
    }
}
