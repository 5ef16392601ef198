package dev.shomei.card.myna;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/** A wrong PIN ({@code 63 Cx}, x > 0): {@link ErrorCode#PIN_INCORRECT} with the tries left. */
public final class PinIncorrectException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    private final int triesLeft;

    public PinIncorrectException(int triesLeft) {
        super(ErrorCode.PIN_INCORRECT, "PIN incorrect, " + triesLeft + (triesLeft == 1 ? " try" : " tries") + " left");
        this.triesLeft = triesLeft;
    }

    public int triesLeft() {
        return triesLeft;
    }
}
