package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.COUNTER_MAX;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * kiosk -> center every N seconds: what the operator board shows. Counters count since the
 * firmware started; {@code sentAt} travels in whole milliseconds (finer parts are dropped here so
 * that a decoded heartbeat equals the one sent).
 */
public record Heartbeat(
        TerminalState state,
        int paperPercent,
        int tonerPercent,
        DeviceStatus reader,
        DeviceStatus printer,
        DeviceStatus cashUnit,
        long issuedCount,
        long voidedCount,
        long errorCount,
        Instant sentAt) implements LineMessage {

    public Heartbeat {
        Checks.present("state", state);
        Checks.range("paperPercent", paperPercent, 0, 100);
        Checks.range("tonerPercent", tonerPercent, 0, 100);
        Checks.present("reader", reader);
        Checks.present("printer", printer);
        Checks.present("cashUnit", cashUnit);
        Checks.range("issuedCount", issuedCount, 0, COUNTER_MAX);
        Checks.range("voidedCount", voidedCount, 0, COUNTER_MAX);
        Checks.range("errorCount", errorCount, 0, COUNTER_MAX);
        Checks.present("sentAt", sentAt);
        sentAt = sentAt.truncatedTo(ChronoUnit.MILLIS);
        // toEpochMilli must not overflow, or the wire value would differ from the record
        Checks.range("sentAt", sentAt.getEpochSecond(), -9_223_372_036_854_775L, 9_223_372_036_854_775L - 1);
    }

    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}
