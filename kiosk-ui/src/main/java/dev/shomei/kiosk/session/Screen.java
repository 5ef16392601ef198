package dev.shomei.kiosk.session;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.CertificateSummary;
import java.util.List;

/**
 * What the touch screen shows now: an immutable snapshot the session publishes after every change.
 * It holds personal data only on the confirm screen ({@link #summary()}), and never a PIN digit —
 * only how many were typed.
 *
 * @param version         increases with every snapshot, so a late copy never replaces a newer one
 * @param language        null until chosen
 * @param certificateType null until chosen
 * @param cardPresent     a card sits in the reader (IDLE and REFUSED remind the resident to take it)
 * @param triesLeft       PIN tries left, -1 when not known
 * @param pinLength       digits typed so far (shown masked)
 * @param notice          a message on the current screen that does not end the session (a wrong PIN)
 * @param municipalities  the center's list with what can be chosen; null while loading
 * @param municipality    the chosen municipality, null before
 * @param feeYen          the total fee: copies x fee per copy, or the center's fee from CONFIRM on
 * @param summary         name, birth date and doses: on CONFIRM only
 * @param error           the refusal shown on REFUSED
 * @param returnedYen     money paid back to the resident (refund or change) that they should take
 * @param reminders       how many times the "take your certificate" reminder has fired
 * @param transactionId   the issuance, from CONFIRM until the session ends (not personal)
 * @param certificateIds  the certificates printed, on TAKE_CERTIFICATE (not personal)
 * @param outOfService    the center has the terminal out of service: the start screen says so and
 *                        no session starts (a session that has not asked for the card yet ends;
 *                        one further on goes on, and the center refuses what it asks)
 * @param secondsLeft     the countdown before a timeout (with "more time"); -1 while none is shown
 * @param timedOut        the start screen after a session whose time ran out (in {@code language})
 */
public record Screen(
        long version,
        SessionState state,
        Language language,
        CertificateType certificateType,
        boolean cardPresent,
        int triesLeft,
        int pinLength,
        ErrorCode notice,
        List<MunicipalityChoice> municipalities,
        MunicipalityChoice municipality,
        int copies,
        int maxCopies,
        int feeYen,
        int insertedYen,
        CertificateSummary summary,
        ErrorCode error,
        int returnedYen,
        int reminders,
        String transactionId,
        List<String> certificateIds,
        boolean outOfService,
        int secondsLeft,
        boolean timedOut) {

    public Screen {
        municipalities = municipalities == null ? null : List.copyOf(municipalities);
        certificateIds = List.copyOf(certificateIds);
    }

    public int step() {
        return state.step();
    }

    public boolean cancellable() {
        return state.cancellable();
    }

    /**
     * One line of the municipality list.
     *
     * @param selectable whether the resident can choose it now
     * @param reason     why not, when not selectable (not taking part, no kiosk issuance of this type,
     *                   outside hours)
     * @param nameEn     empty when no romanised name is known (the screen then shows the Japanese name
     *                   with its reading)
     * @param nameKana   the reading (the chooser's kana index); empty from a center with the old list
     * @param prefecture the JIS X 0401 prefecture code, 1..47
     * @param home       the municipality of the card's address: offered first as a shortcut
     * @param participating whether it issues at kiosks at all (one that does not stays tappable: the
     *                   refusal that follows says so plainly)
     */
    public record MunicipalityChoice(
            String code, String nameJa, String nameEn, int feePerCopyYen, boolean selectable, ErrorCode reason,
            String nameKana, int prefecture, boolean home, boolean participating) {
    }
}
