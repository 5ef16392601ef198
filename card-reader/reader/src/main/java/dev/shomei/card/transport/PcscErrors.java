package dev.shomei.card.transport;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.CardNotPresentException;

/**
 * Maps {@code javax.smartcardio} failures to shomei errors that carry the PC/SC error name
 * ({@code SCARD_W_REMOVED_CARD}, ...). The JDK puts that name in the message of its
 * {@code PCSCException} cause; we search the cause chain for it.
 */
final class PcscErrors {
    private static final Pattern NAME = Pattern.compile("SCARD_[EFPWS]_[A-Z_]+");
    /** The card is gone (or was never there): the resident must start again. */
    private static final Set<String> CARD_GONE = Set.of(
            "SCARD_W_REMOVED_CARD", "SCARD_E_NO_SMARTCARD", "SCARD_W_RESET_CARD");

    private PcscErrors() {
    }

    /** The PC/SC error name somewhere in the chain, if any. */
    static Optional<String> pcscName(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t.getMessage() != null) {
                Matcher m = NAME.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(m.group());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param step what was being done, e.g. "transmit on reader X" (no card content)
     */
    static ShomeiException map(String step, Throwable error) {
        String name = pcscName(error).orElse(null);
        boolean gone = (name != null && CARD_GONE.contains(name)) || error instanceof CardNotPresentException
                || (error instanceof IllegalStateException && String.valueOf(error.getMessage()).contains("removed"));
        String what = name != null ? name : error.getClass().getSimpleName();
        return new ShomeiException(gone ? ErrorCode.CARD_REMOVED : ErrorCode.CARD_UNREADABLE, step + " failed: " + what,
                error);
    }
}
