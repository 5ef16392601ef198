package dev.shomei.protocol.backend;

import dev.shomei.protocol.ErrorCode;

/**
 * The body of every error answer: the shared error code (name and wire value) and a message for
 * operators, which never contains personal data.
 */
public record ApiError(String code, int wireValue, String message) {

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.name(), code.wireValue(), message);
    }

    /** The error code, {@link ErrorCode#INTERNAL} when this side does not know it. */
    public ErrorCode errorCode() {
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.name().equals(code)) {
                return candidate;
            }
        }
        ErrorCode byWire = ErrorCode.fromWire(wireValue);
        return byWire == null ? ErrorCode.INTERNAL : byWire;
    }
}
