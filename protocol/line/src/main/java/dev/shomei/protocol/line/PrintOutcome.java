package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.TRANSACTION_ID_MAX_BYTES;

/**
 * kiosk -> center: how the issuance ended. The center marks it PRINTED or VOIDED at the record
 * backend and answers {@link Ack}. {@code reason} is {@link VoidReason#NONE} exactly when the
 * result is {@link PrintResult#PRINTED}.
 */
public record PrintOutcome(String transactionId, PrintResult result, VoidReason reason) implements LineMessage {

    public PrintOutcome {
        Checks.identifier("transactionId", transactionId, TRANSACTION_ID_MAX_BYTES);
        Checks.present("result", result);
        Checks.present("reason", reason);
        if ((result == PrintResult.PRINTED) != (reason == VoidReason.NONE)) {
            throw new IllegalArgumentException("reason must be NONE exactly when result is PRINTED");
        }
    }

    public static PrintOutcome printed(String transactionId) {
        return new PrintOutcome(transactionId, PrintResult.PRINTED, VoidReason.NONE);
    }

    public static PrintOutcome voided(String transactionId, VoidReason reason) {
        return new PrintOutcome(transactionId, PrintResult.VOIDED, reason);
    }

    @Override
    public MessageType type() {
        return MessageType.PRINT_OUTCOME;
    }
}
