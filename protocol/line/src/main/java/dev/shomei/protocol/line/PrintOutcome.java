package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.TOTAL_FEE_MAX_YEN;
import static dev.shomei.protocol.line.LineLimits.TRANSACTION_ID_MAX_BYTES;

import java.util.OptionalInt;

/**
 * kiosk -> center: how the issuance ended. The center marks it PRINTED or VOIDED at the record
 * backend and answers {@link Ack}. {@code reason} is {@link VoidReason#NONE} exactly when the
 * result is {@link PrintResult#PRINTED}.
 *
 * @param chargedYen the money the kiosk kept for this issuance: the fee it collected for a PRINTED
 *                   one, what it could not pay back for a VOIDED one (normally 0). The backend
 *                   refuses a PRINTED whose amount is not the fee it recorded (FEE_MISMATCH). Empty
 *                   from a kiosk older than the field (the payload then ends after {@code reason})
 */
public record PrintOutcome(String transactionId, PrintResult result, VoidReason reason, OptionalInt chargedYen)
        implements LineMessage {

    public PrintOutcome {
        Checks.identifier("transactionId", transactionId, TRANSACTION_ID_MAX_BYTES);
        Checks.present("result", result);
        Checks.present("reason", reason);
        Checks.present("chargedYen", chargedYen);
        if ((result == PrintResult.PRINTED) != (reason == VoidReason.NONE)) {
            throw new IllegalArgumentException("reason must be NONE exactly when result is PRINTED");
        }
        if (chargedYen.isPresent()) {
            Checks.range("chargedYen", chargedYen.getAsInt(), 0, TOTAL_FEE_MAX_YEN);
        }
    }

    /** An outcome that reports no amount (what a kiosk older than the field sends). */
    public PrintOutcome(String transactionId, PrintResult result, VoidReason reason) {
        this(transactionId, result, reason, OptionalInt.empty());
    }

    /** Printed and handed out; {@code chargedYen} is the fee the kiosk collected. */
    public static PrintOutcome printed(String transactionId, int chargedYen) {
        return new PrintOutcome(transactionId, PrintResult.PRINTED, VoidReason.NONE, OptionalInt.of(chargedYen));
    }

    /** Nothing handed out; {@code keptYen} is what the kiosk could not pay back (normally 0). */
    public static PrintOutcome voided(String transactionId, VoidReason reason, int keptYen) {
        return new PrintOutcome(transactionId, PrintResult.VOIDED, reason, OptionalInt.of(keptYen));
    }

    /** Printed, no amount reported (an older kiosk's outcome). */
    public static PrintOutcome printed(String transactionId) {
        return new PrintOutcome(transactionId, PrintResult.PRINTED, VoidReason.NONE);
    }

    /** Voided, no amount reported (an older kiosk's outcome). */
    public static PrintOutcome voided(String transactionId, VoidReason reason) {
        return new PrintOutcome(transactionId, PrintResult.VOIDED, reason);
    }

    @Override
    public MessageType type() {
        return MessageType.PRINT_OUTCOME;
    }
}
