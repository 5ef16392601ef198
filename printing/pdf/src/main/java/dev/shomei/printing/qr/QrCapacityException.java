package dev.shomei.printing.qr;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/** The data does not fit a QR code of the largest version allowed: a clear error, never a broken code. */
public class QrCapacityException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    public QrCapacityException(int bits, int maxVersion, String level) {
        super(ErrorCode.CERTIFICATE_TOO_LARGE, "QR data of " + bits + " bits does not fit version " + maxVersion
                + " at error correction " + level);
    }
}
