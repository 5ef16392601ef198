package dev.shomei.protocol.backend;

/**
 * center -> backend: how the issuance ended at the kiosk.
 *
 * @param status     PRINTED or VOIDED
 * @param reason     for VOIDED: a short upper-case code (the kiosk's {@code VoidReason} name, e.g.
 *                   CANCELLED, PRINTER_FAILED); {@code null} for PRINTED
 * @param terminalId the terminal that reported the outcome; the backend refuses it when the issuance
 *                   was made by another terminal. {@code null} for the center's own reconciliation
 *                   voids (and in JSON from an older center, which the backend still reads)
 */
public record StatusUpdate(String municipalityCode, String transactionId, String status, String reason,
                           String terminalId) {

    /** An update with no reporting terminal: the center's or backend's own reconciliation. */
    public StatusUpdate(String municipalityCode, String transactionId, String status, String reason) {
        this(municipalityCode, transactionId, status, reason, null);
    }
}
