package dev.shomei.center.board;

import dev.shomei.protocol.line.DeviceStatus;
import java.time.Instant;

/**
 * One row of the operator board: a terminal's last known state. Nothing personal: device states,
 * levels, counters and times.
 *
 * @param version         increases with every change (the SSE stream sends rows newer than what it sent)
 * @param lastHeartbeat   when this center last heard from the terminal, or {@code null} if never
 * @param paperPercent    -1 when unknown (no heartbeat yet)
 */
public record TerminalView(
        String terminalId,
        String label,
        boolean enabled,
        boolean registered,
        TerminalStatus status,
        boolean connected,
        String firmwareVersion,
        Instant lastHeartbeat,
        int paperPercent,
        int tonerPercent,
        DeviceStatus reader,
        DeviceStatus printer,
        DeviceStatus cashUnit,
        long issuedCount,
        long voidedCount,
        long errorCount,
        long version) {
}
