package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.TRANSACTION_ID_MAX_BYTES;

/**
 * "Received and done" for a message that has no other answer: {@link Hello}, {@link Heartbeat},
 * {@link PrintOutcome}. Echoes the acknowledged type and, where there is one, the transaction id
 * (empty otherwise).
 */
public record Ack(MessageType acknowledged, String transactionId) implements LineMessage {

    public Ack {
        Checks.present("acknowledged", acknowledged);
        if (acknowledged == MessageType.ACK) {
            throw new IllegalArgumentException("acknowledged must not be ACK");
        }
        Checks.optionalIdentifier("transactionId", transactionId, TRANSACTION_ID_MAX_BYTES);
    }

    /** An ack for a message that belongs to no transaction. */
    public static Ack of(MessageType acknowledged) {
        return new Ack(acknowledged, "");
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
