package dev.shomei.kiosk.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.VoidReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on disk: replay after a crash, compaction, a torn last line. */
class OutcomeJournalTest {
    @TempDir
    Path dir;

    private final FakeCenter center = new FakeCenter();

    @Test
    void whatTheCenterDidNotTakeIsSentAfterARestartOldestFirst() {
        Path file = dir.resolve("outcomes.journal");
        center.failOutcome(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
        OutcomeOutbox before = new OutcomeOutbox(center, Runnable::run, 10, OutcomeJournal.open(file, 100));
        before.submit(PrintOutcome.printed("tx-1", 120));
        before.submit(PrintOutcome.voided("tx-2", VoidReason.PRINTER_FAILED, 0));
        assertEquals(2, before.pending());
        // crash: nothing closed
        center.failOutcome(null);
        OutcomeOutbox after = new OutcomeOutbox(center, Runnable::run, 10, OutcomeJournal.open(file, 100));
        assertEquals(0, after.pending());
        assertEquals(List.of(PrintOutcome.printed("tx-1", 120), PrintOutcome.voided("tx-2", VoidReason.PRINTER_FAILED, 0)),
                center.outcomes, "with the amounts charged");
    }

    @Test
    void anAcknowledgedOutcomeIsNotSentAgain() throws Exception {
        Path file = dir.resolve("outcomes.journal");
        OutcomeOutbox outbox = new OutcomeOutbox(center, Runnable::run, 10, OutcomeJournal.open(file, 100));
        outbox.submit(PrintOutcome.printed("tx-1"));
        assertEquals(0L, Files.size(file), "emptied once nothing is pending");
        new OutcomeOutbox(center, Runnable::run, 10, OutcomeJournal.open(file, 100));
        assertEquals(1, center.outcomes.size(), "sent once");
    }

    @Test
    void theFileStaysBoundedWhileTheCenterIsDownAndIsEmptiedWhenItIsBack() throws Exception {
        Path file = dir.resolve("outcomes.journal");
        OutcomeJournal journal = OutcomeJournal.open(file, 20);
        center.failOutcome(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
        OutcomeOutbox outbox = new OutcomeOutbox(center, Runnable::run, 10, journal);
        for (int i = 0; i < 60; i++) {
            outbox.submit(PrintOutcome.printed("tx-" + i));
            assertTrue(journal.lines() <= 21, "compacted: " + journal.lines() + " lines");
        }
        assertEquals(10, outbox.pending(), "the outbox's capacity bounds what is kept");
        assertEquals(PrintOutcome.printed("tx-50"), journal.pending().getFirst());
        assertEquals(10, journal.pending().size());
        center.failOutcome(null);
        outbox.flush();
        assertEquals(10, center.outcomes.size());
        assertEquals(0L, Files.size(file));
    }

    @Test
    void aLineWrittenBeforeTheAmountExistedIsStillSent() throws Exception {
        Path file = dir.resolve("outcomes.journal");
        Files.writeString(file, "+ tx-1 PRINTED NONE\n+ tx-2 PRINTED NONE 240\n", StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE);
        assertEquals(List.of(PrintOutcome.printed("tx-1"), PrintOutcome.printed("tx-2", 240)),
                OutcomeJournal.open(file, 100).pending());
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        Path file = dir.resolve("outcomes.journal");
        Files.writeString(file, "+ tx-1 PRINTED NONE\n+ tx-2 PRI", StandardCharsets.US_ASCII, StandardOpenOption.CREATE);
        assertEquals(List.of(PrintOutcome.printed("tx-1")), OutcomeJournal.open(file, 100).pending());
    }
}
