package dev.shomei.record.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.StatusUpdate;
import org.junit.jupiter.api.Test;

/** The status update gained the reporting terminal; an older center's JSON without it still reads. */
class StatusUpdateJsonTest {
    @Test
    void theTerminalTravelsAndOldJsonStillReads() {
        StatusUpdate sent = new StatusUpdate("131059", "tx-1", IssuanceStatus.PRINTED, null, "K0001");
        assertEquals(sent, BackendJson.read(BackendJson.writeString(sent).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                StatusUpdate.class));
        StatusUpdate old = BackendJson.read(
                "{\"municipalityCode\":\"131059\",\"transactionId\":\"tx-1\",\"status\":\"VOIDED\",\"reason\":\"CANCELLED\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), StatusUpdate.class);
        assertNull(old.terminalId());
        assertNull(old.chargedYen(), "no amount from an older center");
        assertEquals("CANCELLED", old.reason());
        StatusUpdate charged = new StatusUpdate("131059", "tx-1", IssuanceStatus.PRINTED, null, "K0001", 240);
        assertEquals(charged, BackendJson.read(
                BackendJson.writeString(charged).getBytes(java.nio.charset.StandardCharsets.UTF_8), StatusUpdate.class));
    }
}
