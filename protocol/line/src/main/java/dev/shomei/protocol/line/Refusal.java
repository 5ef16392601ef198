package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.TRANSACTION_ID_MAX_BYTES;

import dev.shomei.protocol.ErrorCode;
import java.util.OptionalInt;

/**
 * center -> kiosk: a request was refused. The kiosk shows {@code code}'s message and hint.
 *
 * @param transactionId the refused transaction, or empty when the refusal answers no transaction
 *                      (a {@link Hello}, a protocol error)
 * @param code          why
 * @param detail        an optional non-negative number that goes with the code, e.g. seconds to
 *                      wait before retrying
 */
public record Refusal(String transactionId, ErrorCode code, OptionalInt detail) implements LineMessage {

    public Refusal {
        Checks.optionalIdentifier("transactionId", transactionId, TRANSACTION_ID_MAX_BYTES);
        Checks.present("code", code);
        Checks.present("detail", detail);
        if (detail.isPresent()) {
            Checks.range("detail", detail.getAsInt(), 0, Integer.MAX_VALUE);
        }
    }

    public Refusal(String transactionId, ErrorCode code) {
        this(transactionId, code, OptionalInt.empty());
    }

    @Override
    public MessageType type() {
        return MessageType.REFUSAL;
    }
}
