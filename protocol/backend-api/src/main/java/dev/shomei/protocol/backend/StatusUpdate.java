package dev.shomei.protocol.backend;

/**
 * center -> backend: how the issuance ended at the kiosk.
 *
 * @param status PRINTED or VOIDED (ISSUED is refused)
 * @param reason for VOIDED: a short upper-case code (the kiosk's {@code VoidReason} name, e.g.
 *               CANCELLED, PRINTER_FAILED); {@code null} for PRINTED. A string, not an enum: the set is
 *               open (the kiosk's reasons and the center's own, such as RENDER_FAILED); the backend
 *               checks its form
 */
public record StatusUpdate(String municipalityCode, String transactionId, IssuanceStatus status, String reason) {
}
