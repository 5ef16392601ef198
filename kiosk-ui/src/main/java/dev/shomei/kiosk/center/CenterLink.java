package dev.shomei.kiosk.center;

import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.PrintOutcome;
import java.util.List;

/**
 * The kiosk's side of the line to the certificate center. Every call blocks until the center
 * answers; a refusal or a lost center becomes a {@link dev.shomei.protocol.ShomeiException} with
 * the refusal's code (CENTER_UNAVAILABLE when no center can be reached).
 */
public interface CenterLink {

    /** Every municipality (participating or not, with readings), in the order the screen shows them. */
    List<MunicipalityInfo> municipalities();

    /** Asks for a certificate. A retry with the same transaction id yields the same issuance. */
    IssueResponse issue(IssueRequest request);

    /** Reports how an issuance ended (the center answers with an ack). */
    void reportOutcome(PrintOutcome outcome);

    /** The terminal's state, every N seconds. */
    void heartbeat(Heartbeat heartbeat);
}
