package dev.shomei.protocol.shc;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/** The SMART Health Card would not fit one QR code of version 22 (chunking is deprecated). */
public class ShcTooLargeException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    public ShcTooLargeException(int jwsLength, int doses) {
        super(ErrorCode.CERTIFICATE_TOO_LARGE, "SMART Health Card JWS of " + jwsLength + " characters (" + doses
                + " doses) exceeds the " + ShcQrText.MAX_JWS_LENGTH + " that one QR code of version 22 holds");
    }
}
