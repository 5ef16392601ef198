package dev.shomei.protocol.vds;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/** The VDS-NC seal would not fit one QR code (version 40 at error correction L). */
public class VdsNcTooLargeException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    public VdsNcTooLargeException(int bytes, int events) {
        super(ErrorCode.CERTIFICATE_TOO_LARGE, "VDS-NC seal of " + bytes + " bytes (" + events
                + " vaccination events) exceeds the " + VdsNcSealer.MAX_SEAL_BYTES + " that one QR code holds");
    }
}
