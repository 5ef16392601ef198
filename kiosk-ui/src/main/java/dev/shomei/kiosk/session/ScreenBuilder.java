package dev.shomei.kiosk.session;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.util.List;

/**
 * Builds the {@link Screen} snapshot from what the session holds: which municipalities can be
 * chosen now (type offered, open at this hour), the fee to show, and what is personal enough to
 * appear on one screen only (the summary on CONFIRM). Numbers the snapshots so a late copy never
 * replaces a newer one.
 */
final class ScreenBuilder {
    private final ServiceHours hours;
    private final int maxCopies;
    private long version;

    ScreenBuilder(ServiceHours hours, int maxCopies) {
        this.hours = hours;
        this.maxCopies = maxCopies;
    }

    /** What the kiosk shows around the session: the reader, the center's verdict, how the last session ended. */
    record Surroundings(boolean cardPresent, boolean outOfService, SessionEnd end, int secondsLeft) {
    }

    Screen build(SessionState state, SessionData data, Payment payment, Surroundings around) {
        List<Screen.MunicipalityChoice> choices = data.municipalities() == null ? null
                : data.municipalities().stream().map(m -> choice(m, data)).toList();
        Screen.MunicipalityChoice chosen = data.municipality() == null ? null : choice(data.municipality(), data);
        int fee = data.issued() != null ? data.issued().feeYen()
                : data.municipality() != null ? Math.max(data.copies(), 1) * data.municipality().feePerCopyYen() : 0;
        boolean printing = state == SessionState.PRINTING || state == SessionState.TAKE_CERTIFICATE;
        // after a session, the refusal and the start screen's notices speak the resident's language
        boolean after = state == SessionState.REFUSED || state == SessionState.IDLE;
        Language language = after ? around.end().language() : data.language();
        return new Screen(++version, state, language, data.certificateType(), around.cardPresent(), data.triesLeft(),
                data.pin().length(), data.notice(), choices, chosen, data.copies(), maxCopies, fee, payment.insertedYen(),
                state == SessionState.CONFIRM && data.issued() != null ? data.issued().summary() : null,
                around.end().error(), printing ? payment.changeYen() : around.end().returnedYen(), data.reminders(),
                data.issued() != null || printing ? data.transactionId() : null, data.certificateIds(),
                around.outOfService(), around.secondsLeft(), state == SessionState.IDLE && around.end().timedOut());
    }

    private Screen.MunicipalityChoice choice(MunicipalityInfo m, SessionData data) {
        ErrorCode reason = null;
        if (!m.participating() || data.certificateType() != null && !m.offers(data.certificateType())) {
            reason = ErrorCode.MUNICIPALITY_NOT_PARTICIPATING;
        } else if (!hours.isOpen(m)) {
            reason = ErrorCode.OUTSIDE_SERVICE_HOURS;
        }
        return new Screen.MunicipalityChoice(m.code(), m.nameJa(), m.nameEn(), m.feePerCopyYen(), reason == null, reason,
                m.nameKana(), m.prefectureCode(), m.code().equals(data.homeMunicipality()), m.participating());
    }
}
