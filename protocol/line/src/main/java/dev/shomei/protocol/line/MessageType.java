package dev.shomei.protocol.line;

/**
 * The message type byte of a line frame. Codes are stable: never renumber, only append (and
 * teach both ends about a new type before either sends it).
 */
public enum MessageType {
    /** kiosk -> center: the first message on a connection. */
    HELLO(0x01),
    /** either way: "received and done" for a message that has no other answer. */
    ACK(0x02),
    /** center -> kiosk: a request was refused, with an error code. */
    REFUSAL(0x03),
    /** kiosk -> center: the terminal's state, every N seconds. */
    HEARTBEAT(0x04),
    /** kiosk -> center: which municipalities can the resident choose? */
    MUNICIPALITY_LIST_REQUEST(0x10),
    /** center -> kiosk: the participating municipalities. */
    MUNICIPALITY_LIST_RESPONSE(0x11),
    /** kiosk -> center: every municipality of Japan, with readings (replaces 0x10 for new kiosks). */
    MUNICIPALITY_CATALOG_REQUEST(0x12),
    /** center -> kiosk: every municipality with its reading and whether it takes part. */
    MUNICIPALITY_CATALOG_RESPONSE(0x13),
    /** kiosk -> center: issue a certificate from this card data. */
    ISSUE_REQUEST(0x20),
    /** center -> kiosk: the certificate PDF, its ids, fee and what the resident checks. */
    ISSUE_RESPONSE(0x21),
    /** kiosk -> center: the certificate was printed, or the issuance is void. */
    PRINT_OUTCOME(0x22);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The type byte on the wire (0..255). */
    public int code() {
        return code;
    }

    /** The type for a type byte, or {@code null} when the byte names no type. */
    public static MessageType fromCode(int code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
