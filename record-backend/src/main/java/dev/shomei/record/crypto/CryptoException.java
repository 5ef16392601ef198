package dev.shomei.record.crypto;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/** Stored ciphertext did not open, or a key is missing or does not match: never data for a user. */
public final class CryptoException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(ErrorCode.INTERNAL, message);
    }
}
