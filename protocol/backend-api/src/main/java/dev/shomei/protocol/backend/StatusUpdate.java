package dev.shomei.protocol.backend;

/**
 * center -> backend: how the issuance ended at the kiosk.
 *
 * @param status PRINTED or VOIDED
 * @param reason for VOIDED: a short upper-case code (the kiosk's {@code VoidReason} name, e.g.
 *               CANCELLED, PRINTER_FAILED); {@code null} for PRINTED
 */
public record StatusUpdate(String municipalityCode, String transactionId, String status, String reason) {
}
