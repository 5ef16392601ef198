package dev.shomei.protocol.backend;

/**
 * center -> backend: how the issuance ended at the kiosk.
 *
 * @param status     PRINTED or VOIDED (ISSUED is refused)
 * @param reason     for VOIDED: a short upper-case code (the kiosk's {@code VoidReason} name, e.g.
 *                   CANCELLED, PRINTER_FAILED); {@code null} for PRINTED. A string, not an enum: the set is
 *                   open (the kiosk's reasons and the center's own, such as RENDER_FAILED); the backend
 *                   checks its form
 * @param terminalId the terminal that reported the outcome; the backend refuses it when the issuance
 *                   was made by another terminal. {@code null} for the center's own reconciliation
 *                   voids (and in JSON from an older center, which the backend still reads)
 * @param chargedYen the money the kiosk reports it kept: for PRINTED the fee it collected (the backend
 *                   refuses any other amount than the recorded fee with FEE_MISMATCH), for VOIDED what it
 *                   could not pay back. {@code null} when no amount was reported (reconciliation, an
 *                   older kiosk or center)
 */
public record StatusUpdate(String municipalityCode, String transactionId, IssuanceStatus status, String reason,
                           String terminalId, Integer chargedYen) {

    /** An update that reports no amount. */
    public StatusUpdate(String municipalityCode, String transactionId, IssuanceStatus status, String reason,
                        String terminalId) {
        this(municipalityCode, transactionId, status, reason, terminalId, null);
    }

    /** An update with no reporting terminal: the center's or backend's own reconciliation. */
    public StatusUpdate(String municipalityCode, String transactionId, IssuanceStatus status, String reason) {
        this(municipalityCode, transactionId, status, reason, null, null);
    }
}
