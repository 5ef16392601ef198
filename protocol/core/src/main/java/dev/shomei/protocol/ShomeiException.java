package dev.shomei.protocol;

/**
 * A domain failure with a shared {@link ErrorCode}. The message is for operators and logs: it must
 * never contain a PIN, a My Number, a name, an address or certificate content.
 */
public class ShomeiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ShomeiException(ErrorCode code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public ShomeiException(ErrorCode code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
