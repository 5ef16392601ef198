package dev.shomei.kiosk.session;

import dev.shomei.card.data.CardFiles;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.util.List;

/**
 * Everything one resident's session holds, in memory only (the money side is {@link Payment}).
 * {@link #wipe()} zeroes the PIN digits, the card files and the certificate PDF and drops every
 * other reference; the session calls it on every way out.
 */
final class SessionData {
    final PinEntry pin = new PinEntry();
    Language language;
    CertificateType certificateType;
    int triesLeft = -1;
    ErrorCode notice;
    CardFiles card;
    List<MunicipalityInfo> municipalities;
    ErrorCode municipalitiesError;
    MunicipalityInfo municipality;
    int copies;
    String transactionId;
    IssueResponse issued;
    List<String> certificateIds = List.of();
    boolean outcomeReported;
    int reminders;

    void wipe() {
        pin.clear();
        if (card != null) {
            card.wipe();
            card = null;
        }
        if (issued != null) {
            issued.wipe();
            issued = null;
        }
        language = null;
        certificateType = null;
        triesLeft = -1;
        notice = null;
        municipalities = null;
        municipalitiesError = null;
        municipality = null;
        copies = 0;
        transactionId = null;
        certificateIds = List.of();
        outcomeReported = false;
        reminders = 0;
    }

    /** For tests: whether nothing of the resident remains. */
    boolean isWiped() {
        return pin.isWiped() && card == null && issued == null && municipality == null && language == null
                && transactionId == null && certificateType == null;
    }
}
