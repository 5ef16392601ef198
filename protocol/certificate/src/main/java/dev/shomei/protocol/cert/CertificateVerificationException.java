package dev.shomei.protocol.cert;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/**
 * A QR payload that does not verify: bad encoding, unknown key, wrong signature, untrusted signer,
 * malformed content. {@link #reason()} is a short English sentence for the verifier's screen; it
 * never quotes the payload.
 */
public class CertificateVerificationException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public CertificateVerificationException(String reason) {
        super(ErrorCode.INVALID_REQUEST, reason);
        this.reason = reason;
    }

    public CertificateVerificationException(String reason, Throwable cause) {
        super(ErrorCode.INVALID_REQUEST, reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
