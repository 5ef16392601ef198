package dev.shomei.kiosk.session;

import dev.shomei.card.data.CardFiles;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.util.List;

/**
 * Everything one resident's session holds, in memory only (the money side is {@link Payment}):
 * the choices, what the card gave, the center's list, the issuance. Changed only through methods
 * named for what happened. {@link #wipe()} zeroes the PIN digits, the card files and the
 * certificate PDF and drops every other reference; the session calls it on every way out.
 */
final class SessionData {
    private final PinEntry pin = new PinEntry();
    private Language language;
    private CertificateType certificateType;
    private int triesLeft = -1;
    private ErrorCode notice;
    private CardFiles card;
    private List<MunicipalityInfo> municipalities;
    private ErrorCode municipalitiesError;
    private String homeMunicipality;
    private MunicipalityInfo municipality;
    private int copies;
    private String transactionId;
    private IssueResponse issued;
    private List<String> certificateIds = List.of();
    private boolean outcomeReported;
    private int reminders;

    // --- the resident's choices ---------------------------------------------------------------

    void chooseLanguage(Language chosen) {
        language = chosen;
    }

    void chooseCertificateType(CertificateType chosen) {
        certificateType = chosen;
    }

    void chooseMunicipality(MunicipalityInfo chosen) {
        municipality = chosen;
    }

    void chooseCopies(int chosen) {
        copies = chosen;
    }

    /** Back from the copies screen to the list. */
    void unchooseMunicipality() {
        municipality = null;
        copies = 0;
    }

    // --- the card ---------------------------------------------------------------------------------

    PinEntry pin() {
        return pin;
    }

    /** The card's PIN counter, before a try or after a wrong PIN ({@code wrong}: with the notice). */
    void triesLeft(int tries, boolean wrong) {
        triesLeft = tries;
        notice = wrong ? ErrorCode.PIN_INCORRECT : null;
    }

    /** The notice of the last wrong PIN goes once the next PIN is sent. */
    void pinSent() {
        notice = null;
    }

    void cardRead(CardFiles files) {
        card = files;
    }

    /** The files the card gave; kept (memory only) until the resident confirms or the session ends. */
    CardFiles cardFiles() {
        return card;
    }

    boolean cardWasRead() {
        return card != null;
    }

    /** The resident confirmed: no way back needs the card files any more. */
    void wipeCardFiles() {
        if (card != null) {
            card.wipe();
            card = null;
        }
    }

    // --- the center -------------------------------------------------------------------------------

    /**
     * The list arrived; while the card files are held, the municipality of the card's address is
     * derived from them (only its code is kept, see {@link HomeMunicipality}).
     */
    void municipalitiesArrived(List<MunicipalityInfo> list) {
        municipalities = list;
        homeMunicipality = card == null ? null : HomeMunicipality.of(card.ef0002(), list);
    }

    /** The code of the card address's municipality, offered first on the chooser; null when unknown. */
    String homeMunicipality() {
        return homeMunicipality;
    }

    void municipalitiesFailed(ErrorCode code) {
        municipalitiesError = code;
    }

    void requested(String transaction) {
        transactionId = transaction;
    }

    void issued(IssueResponse response) {
        issued = response;
    }

    /** The certificate printed: keeps its ids, wipes the PDF and the summary. */
    /** Back from the confirm screen: the issuance (voided by the caller) is forgotten. */
    void unissue() {
        if (issued != null) {
            issued.wipe();
            issued = null;
        }
        transactionId = null;
        copies = 0;
    }

    void printed() {
        outcomeReported = true;
        certificateIds = issued.certificateIds();
        issued.wipe();
        issued = null;
    }

    /** An issuance the center made that was neither printed nor reported: it must be voided. */
    boolean issuedButNotReported() {
        return issued != null && !outcomeReported;
    }

    void reminded() {
        reminders++;
    }

    // --- reading ----------------------------------------------------------------------------------

    Language language() {
        return language;
    }

    CertificateType certificateType() {
        return certificateType;
    }

    int triesLeft() {
        return triesLeft;
    }

    ErrorCode notice() {
        return notice;
    }

    List<MunicipalityInfo> municipalities() {
        return municipalities;
    }

    ErrorCode municipalitiesError() {
        return municipalitiesError;
    }

    MunicipalityInfo municipality() {
        return municipality;
    }

    int copies() {
        return copies;
    }

    String transactionId() {
        return transactionId;
    }

    IssueResponse issued() {
        return issued;
    }

    List<String> certificateIds() {
        return certificateIds;
    }

    int reminders() {
        return reminders;
    }

    // --- the way out ------------------------------------------------------------------------------

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
        homeMunicipality = null;
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
                && homeMunicipality == null && transactionId == null && certificateType == null;
    }
}
