package dev.shomei.card.data;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/**
 * Card data that cannot be parsed or does not verify: always {@link ErrorCode#CARD_DATA_INVALID},
 * with a {@link Reason} a test or an operator can act on. The message names structure only
 * (which file, which tag, which length), never the content.
 */
public final class CardDataException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    /** Why the card data was refused. */
    public enum Reason {
        MY_NUMBER_MALFORMED("EF 0001 is not a My Number file"),
        MY_NUMBER_CHECK_DIGIT("EF 0001 My Number check digit is wrong"),
        BASIC_INFO_MALFORMED("EF 0002 is not a basic-4-info file"),
        SIGNATURE_FILE_MALFORMED("EF 0003 is not a hash and signature file"),
        CV_CERTIFICATE_MALFORMED("EF 0004 is not a CV certificate"),
        UNTRUSTED_ISSUER("EF 0004 is issued by a key that is not trusted"),
        CV_CERTIFICATE_SIGNATURE_INVALID("EF 0004 signature does not verify under the CA key"),
        SIGNATURE_INVALID("EF 0003 signature does not verify under the EF 0004 key"),
        MY_NUMBER_HASH_MISMATCH("SHA-256 of EF 0001 differs from EF 0003"),
        BASIC_INFO_HASH_MISMATCH("SHA-256 of EF 0002 differs from EF 0003");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public CardDataException(Reason reason, String detail) {
        super(ErrorCode.CARD_DATA_INVALID, detail == null || detail.isEmpty()
                ? reason.name() + ": " + reason.description()
                : reason.name() + ": " + reason.description() + " (" + detail + ")");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
