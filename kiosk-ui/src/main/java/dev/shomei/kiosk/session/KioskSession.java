package dev.shomei.kiosk.session;

import dev.shomei.card.data.CardFiles;
import dev.shomei.kiosk.center.CenterLink;
import dev.shomei.kiosk.center.OutcomeOutbox;
import dev.shomei.kiosk.center.ServiceStatusListener;
import dev.shomei.kiosk.device.CardPresenceListener;
import dev.shomei.kiosk.device.CardReaderPort;
import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.kiosk.session.SessionWorker.Job;
import dev.shomei.kiosk.session.SessionWorker.Scope;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineLimits;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.VoidReason;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The kiosk session: one resident's way from the attract screen to a printed certificate, as an
 * explicit state machine ({@link SessionState}). Inputs are the touch screen (the action methods),
 * device events — the card arriving or leaving ({@link CardPresenceListener}), coins (through
 * {@link Payment}), the center's verdict after each heartbeat ({@link ServiceStatusListener}) —
 * and the clock ({@link #tick()}). Slow work (card, center, printer) runs on the
 * {@link SessionWorker}, which drops results whose screen was left; the {@link ScreenBuilder} turns
 * the state into the {@link Screen} the listeners get.
 *
 * <p>Every way out of a session — done, refusal, timeout, cancel, lost center — goes through
 * {@link #finish}, which refunds money not yet earned, voids an issuance not printed and wipes the
 * PIN digits, the card files and the PDF. An action that does not fit the current screen (a stale
 * click) throws {@link ShomeiException} INVALID_REQUEST and changes nothing. While the center has
 * the terminal out of service, the start screen says so and {@link #start()} is refused with
 * TERMINAL_DISABLED; a session already open goes on (the center refuses its requests).
 *
 * <p>Thread-safe: every entry point is synchronized; listeners are called under the lock and must
 * not block.
 */
public final class KioskSession implements CardPresenceListener, ServiceStatusListener {
    private static final System.Logger LOG = System.getLogger(KioskSession.class.getName());
    /** Screens where a session has taken nothing from the resident yet. */
    private static final Set<SessionState> BEFORE_THE_CARD = EnumSet.of(SessionState.SERVICE, SessionState.LANGUAGE,
            SessionState.CERTIFICATE_TYPE, SessionState.PLACE_CARD);

    /** The devices and the center the session drives. */
    public record Devices(CardReaderPort card, CenterLink center, CashUnit cash, PrinterPort printer) {
        public Devices {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(center, "center");
            Objects.requireNonNull(cash, "cash");
            Objects.requireNonNull(printer, "printer");
        }
    }

    private final Devices devices;
    private final Clock clock;
    private final SessionTimeouts timeouts;
    private final int maxCopies;
    private final Counters counters = new Counters();
    private final SessionData data = new SessionData();
    private final Payment payment;
    private final OutcomeReporter outcomes;
    private final ServiceHours hours;
    private final ScreenBuilder screens;
    private final SessionWorker worker;
    private final ScreenListeners listeners;

    private SessionState state = SessionState.IDLE;
    /** The number of the current (or last) session, for the log. */
    private long sessionNumber;
    private Instant lastActivity;
    private Instant lastReminder;
    private boolean cardPresent;
    private boolean outOfService;
    private SessionEnd end = SessionEnd.NONE;
    /** When the start screen began showing {@link #end}'s notice (it goes after the REFUSED wait). */
    private Instant endShownAt;
    /** Seconds left on the countdown before a timeout; -1 while none is shown. */
    private int secondsLeft = -1;

    public KioskSession(Devices devices, OutcomeOutbox outbox, Clock clock, SessionTimeouts timeouts,
                        Executor worker, int maxCopies) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        if (maxCopies < 1 || maxCopies > LineLimits.COPIES_MAX) {
            throw new IllegalArgumentException("maxCopies must be 1.." + LineLimits.COPIES_MAX);
        }
        this.maxCopies = maxCopies;
        this.payment = new Payment(devices.cash());
        this.outcomes = new OutcomeReporter(outbox, counters);
        this.hours = new ServiceHours(clock);
        this.screens = new ScreenBuilder(hours, maxCopies);
        this.worker = new SessionWorker(worker, this, this::refuse);
        this.lastActivity = clock.instant();
        this.listeners = new ScreenListeners(buildScreen());
    }

    // --- observation -------------------------------------------------------------------------------

    /** Adds a listener and tells it the current screen at once. */
    public synchronized void addListener(Consumer<Screen> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Screen> listener) {
        listeners.remove(listener);
    }

    public synchronized Screen screen() {
        return listeners.current();
    }

    public synchronized SessionState state() {
        return state;
    }

    /** What the heartbeat reports. */
    public synchronized TerminalState terminalState() {
        return state == SessionState.IDLE ? TerminalState.IDLE : TerminalState.IN_SERVICE;
    }

    public Counters counters() {
        return counters;
    }

    /** For tests: whether the session holds nothing of the resident. */
    synchronized boolean isWiped() {
        return data.isWiped();
    }

    // --- the resident's actions ----------------------------------------------------------------

    /** @throws ShomeiException TERMINAL_DISABLED while the center has the terminal out of service */
    public synchronized void start() {
        require("start", SessionState.IDLE);
        if (outOfService) {
            throw new ShomeiException(ErrorCode.TERMINAL_DISABLED, "the terminal is out of service");
        }
        sessionNumber++;
        worker.sessionChanged();
        end = SessionEnd.NONE;
        LOG.log(Level.INFO, "session {0} started", sessionNumber);
        go(SessionState.SERVICE);
    }

    public synchronized void chooseService(Service service) {
        require("service", SessionState.SERVICE);
        present(service, "service");
        go(SessionState.LANGUAGE);
    }

    public synchronized void chooseLanguage(Language language) {
        require("language", SessionState.LANGUAGE);
        data.chooseLanguage(present(language, "language"));
        go(SessionState.CERTIFICATE_TYPE);
    }

    public synchronized void chooseCertificateType(CertificateType type) {
        require("certificate type", SessionState.CERTIFICATE_TYPE);
        data.chooseCertificateType(present(type, "certificate type"));
        if (data.cardWasRead()) {
            // back from the list to change the type: the card was read already
            enterMunicipality();
            return;
        }
        go(SessionState.PLACE_CARD);
        if (cardPresent) {
            checkCard();
        }
    }

    /**
     * One step back, on every screen where the resident chooses something before paying. Back from
     * the PIN forgets the digits typed; back from the list keeps what the card gave, so a new type
     * leads straight to the list again; back from the confirm screen voids the issuance (nothing
     * was paid) and keeps the card files, so other copies need no second reading of the card.
     */
    public synchronized void back() {
        switch (state) {
            case LANGUAGE -> go(SessionState.SERVICE);
            case CERTIFICATE_TYPE -> go(SessionState.LANGUAGE);
            case PLACE_CARD -> go(SessionState.CERTIFICATE_TYPE);
            case PIN -> {
                data.pin().clear();
                go(SessionState.CERTIFICATE_TYPE);
            }
            case MUNICIPALITY -> go(SessionState.CERTIFICATE_TYPE);
            case COPIES -> {
                data.unchooseMunicipality();
                go(SessionState.MUNICIPALITY);
            }
            case CONFIRM -> {
                outcomes.voided(data.transactionId(), VoidReason.CANCELLED);
                data.unissue();
                go(SessionState.COPIES);
            }
            default -> throw invalid("back");
        }
    }

    /** "More time" on the countdown before a timeout: the wait starts again. */
    public synchronized void moreTime() {
        if (!state.asksTheResident()) {
            throw invalid("more time");
        }
        touch();
        publish();
    }

    public synchronized void pinDigit(int digit) {
        require("PIN digit", SessionState.PIN);
        data.pin().append(digit);
        touch();
        publish();
    }

    public synchronized void pinBackspace() {
        require("PIN backspace", SessionState.PIN);
        data.pin().backspace();
        touch();
        publish();
    }

    public synchronized void pinClear() {
        require("PIN clear", SessionState.PIN);
        data.pin().clear();
        touch();
        publish();
    }

    /** Sends exactly four digits to the card: VERIFY, then the reads. */
    public synchronized void submitPin() {
        require("PIN submit", SessionState.PIN);
        char[] pin = data.pin().take();
        data.pinSent();
        go(SessionState.READING);
        CardReaderPort card = devices.card();
        worker.submit(state, new Job<>(() -> {
            try {
                return ReadResult.read(card.verifyPinAndRead(pin));
            } catch (ShomeiException e) {
                if (e.code() != ErrorCode.PIN_INCORRECT) {
                    throw e;
                }
                return ReadResult.wrongPin(card.pinTriesLeft());
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, Scope.SCREEN, this::readFinished, this::refuse, stale -> {
            if (stale != null) {
                stale.wipe();
            }
        }));
    }

    public synchronized void chooseMunicipality(String code) {
        require("municipality", SessionState.MUNICIPALITY);
        present(code, "municipality code");
        if (data.municipalities() == null) {
            throw invalid("municipality before the list arrived");
        }
        MunicipalityInfo chosen = data.municipalities().stream()
                .filter(m -> m.code().equals(code)).findFirst().orElse(null);
        if (chosen == null || !chosen.offers(data.certificateType())) {
            refuse(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING);
            return;
        }
        if (!hours.isOpen(chosen)) {
            refuse(ErrorCode.OUTSIDE_SERVICE_HOURS);
            return;
        }
        data.chooseMunicipality(chosen);
        go(SessionState.COPIES);
    }

    /** "My municipality is not in the list": it does not issue at kiosks. */
    public synchronized void municipalityNotListed() {
        require("municipality not listed", SessionState.MUNICIPALITY);
        refuse(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING);
    }

    public synchronized void chooseCopies(int copies) {
        require("copies", SessionState.COPIES);
        if (copies < 1 || copies > maxCopies) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "copies must be 1.." + maxCopies);
        }
        data.chooseCopies(copies);
        requestCertificate();
    }

    /** The resident checked name, birth date and doses: go to payment (or print when it is free). */
    public synchronized void confirm() {
        require("confirm", SessionState.CONFIRM);
        int fee = data.issued().feeYen();
        // no way back from here: the card files are no longer needed
        data.wipeCardFiles();
        if (fee == 0) {
            startPrinting();
            return;
        }
        try {
            payment.open(fee, new CashUnit.Listener() {
                @Override
                public void inserted(int insertedYen) {
                    cashInserted(insertedYen);
                }

                @Override
                public void failed() {
                    cashFailed();
                }
            });
        } catch (ShomeiException e) {
            LOG.log(Level.WARNING, "cash unit refused a payment: {0}", e.code());
            finish(SessionState.REFUSED, ErrorCode.PAYMENT_ERROR, VoidReason.PAYMENT_FAILED);
            return;
        }
        go(SessionState.PAYMENT);
    }

    /** The resident took the certificate. */
    public synchronized void done() {
        require("done", SessionState.TAKE_CERTIFICATE);
        finish(SessionState.IDLE, null, VoidReason.NONE);
    }

    /** The resident read the refusal. */
    public synchronized void acknowledge() {
        require("acknowledge", SessionState.REFUSED);
        end = end.acknowledged();
        go(SessionState.IDLE);
    }

    /** Possible on every screen until the payment is complete. */
    public synchronized void cancel() {
        if (!state.cancellable()) {
            throw invalid("cancel");
        }
        LOG.log(Level.INFO, "session {0} cancelled at {1}", sessionNumber, state);
        finish(SessionState.IDLE, null, VoidReason.CANCELLED);
    }

    // --- device events -------------------------------------------------------------------------

    @Override
    public synchronized void cardInserted() {
        if (cardPresent) {
            return;
        }
        cardPresent = true;
        if (state == SessionState.PLACE_CARD) {
            checkCard();
        } else {
            publish();
        }
    }

    @Override
    public synchronized void cardRemoved() {
        if (!cardPresent) {
            return;
        }
        cardPresent = false;
        switch (state) {
            case CHECKING_CARD, PIN -> refuse(ErrorCode.CARD_REMOVED);
            case REMOVE_CARD -> enterMunicipality();
            // READING: the read itself fails with CARD_REMOVED, or finished just before
            default -> publish();
        }
    }

    /** The center's verdict after a heartbeat: out of service shows on the start screen and blocks {@link #start()}. */
    @Override
    public synchronized void serviceStatus(boolean inService) {
        if (outOfService == !inService) {
            return;
        }
        outOfService = !inService;
        LOG.log(Level.INFO, inService ? "terminal back in service" : "terminal out of service (disabled at the center)");
        if (outOfService && BEFORE_THE_CARD.contains(state)) {
            // a resident who only chose the service, language or type has given nothing yet: end here
            // (the heartbeat sent as the session began brought the news) rather than after card and PIN
            LOG.log(Level.INFO, "session {0} ended at {1}: the terminal is out of service", sessionNumber, state);
            finish(SessionState.IDLE, null, VoidReason.CANCELLED);
            return;
        }
        publish();
    }

    /** Coins arrive on the cash unit's thread. */
    private void cashInserted(int insertedYen) {
        synchronized (this) {
            if (state != SessionState.PAYMENT) {
                return;
            }
            payment.inserted(insertedYen);
            touch();
            if (insertedYen < data.issued().feeYen()) {
                publish();
                return;
            }
            try {
                payment.collect();
            } catch (ShomeiException e) {
                LOG.log(Level.WARNING, "cash unit could not collect: {0}", e.code());
                finish(SessionState.REFUSED, ErrorCode.PAYMENT_ERROR, VoidReason.PAYMENT_FAILED);
                return;
            }
            startPrinting();
        }
    }

    /** The cash unit failed during the payment (on its own thread): refund what it can and end. */
    private synchronized void cashFailed() {
        if (state != SessionState.PAYMENT) {
            return;
        }
        LOG.log(Level.WARNING, "cash unit failed during the payment");
        finish(SessionState.REFUSED, ErrorCode.PAYMENT_ERROR, VoidReason.PAYMENT_FAILED);
    }

    /** Called by the scheduler (a few times a second): timeouts and the repeating reminder. */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (state == SessionState.IDLE) {
            clearEndNotice(now);
            return;
        }
        if (state == SessionState.TAKE_CERTIFICATE
                && !now.isBefore(lastReminder.plus(timeouts.reminderInterval()))) {
            data.reminded();
            lastReminder = now;
            publish();
        }
        Instant deadline = lastActivity.plus(timeouts.of(state));
        if (!now.isBefore(deadline)) {
            timedOut();
            return;
        }
        countDown(now, deadline);
    }

    /** Within the warning before a timeout, the screen shows the seconds left and offers more time. */
    private void countDown(Instant now, Instant deadline) {
        Instant warnFrom = deadline.minus(timeouts.warningOn(state));
        int left = now.isBefore(warnFrom) ? -1
                : (int) ((java.time.Duration.between(now, deadline).toMillis() + 999) / 1000);
        if (left != secondsLeft) {
            secondsLeft = left;
            publish();
        }
    }

    /** The refund, card and "time ran out" notices go after a while: the next customer gets a clean screen. */
    private void clearEndNotice(Instant now) {
        if (end.equals(SessionEnd.NONE) || endShownAt == null) {
            return;
        }
        if (!now.isBefore(endShownAt.plus(timeouts.of(SessionState.REFUSED)))) {
            end = SessionEnd.NONE;
            endShownAt = null;
            publish();
        }
    }

    // --- transitions ---------------------------------------------------------------------------

    private void checkCard() {
        go(SessionState.CHECKING_CARD);
        CardReaderPort card = devices.card();
        worker.submit(state, new Job<>(card::pinTriesLeft, Scope.SCREEN, tries -> {
            if (tries <= 0) {
                refuse(ErrorCode.PIN_BLOCKED);
            } else {
                data.triesLeft(tries, false);
                go(SessionState.PIN);
            }
        }, this::refuse, null));
    }

    private void readFinished(ReadResult result) {
        if (result.files() != null) {
            data.cardRead(result.files());
            go(SessionState.REMOVE_CARD);
            loadMunicipalities();
            if (!cardPresent) {
                enterMunicipality();
            }
        } else if (result.triesLeft() <= 0) {
            refuse(ErrorCode.PIN_BLOCKED);
        } else {
            data.triesLeft(result.triesLeft(), true);
            go(SessionState.PIN);
        }
    }

    /** Fetched while the resident takes the card out, so the list is usually there in time. */
    private void loadMunicipalities() {
        CenterLink center = devices.center();
        worker.submit(state, new Job<>(center::municipalities, Scope.SESSION, list -> {
            data.municipalitiesArrived(list);
            publish();
        }, failure -> {
            data.municipalitiesFailed(failure.code());
            if (state == SessionState.MUNICIPALITY) {
                refuse(failure.code());
            }
        }, null));
    }

    private void enterMunicipality() {
        go(SessionState.MUNICIPALITY);
        if (data.municipalitiesError() != null) {
            refuse(data.municipalitiesError());
        }
    }

    private void requestCertificate() {
        String transactionId = UUID.randomUUID().toString();
        data.requested(transactionId);
        IssueRequest request;
        // the request holds its own copy until sent; ours stays (memory only) until the resident
        // confirms, so back from the confirm screen needs no second reading of the card
        CardFiles card = data.cardFiles();
        try {
            request = new IssueRequest(transactionId, data.municipality().code(), data.certificateType(),
                    data.copies(), data.language(), card.ef0001(), card.ef0002(), card.ef0003(), card.ef0004());
        } catch (IllegalArgumentException e) {
            // a card file of impossible size; the message names only the field
            LOG.log(Level.WARNING, "card files do not fit an issue request: {0}", e.getMessage());
            refuse(ErrorCode.CARD_UNREADABLE);
            return;
        }
        go(SessionState.REQUESTING);
        LOG.log(Level.INFO, "session {0} requests transaction {1} for municipality {2}",
                sessionNumber, transactionId, data.municipality().code());
        CenterLink center = devices.center();
        worker.submit(state, new Job<>(() -> {
            try {
                return center.issue(request);
            } finally {
                request.wipe();
            }
        }, Scope.SCREEN, this::issued, failure -> {
            if (failure.code() == ErrorCode.CENTER_UNAVAILABLE) {
                // the center may have issued before the line broke: make sure it is voided
                outcomes.voided(transactionId, VoidReason.TERMINAL_ERROR);
            }
            refuse(failure.code());
        }, late -> {
            if (late != null) {
                late.wipe();
            }
            outcomes.lateAnswer(transactionId, late != null);
        }));
    }

    private void issued(IssueResponse response) {
        if (!response.transactionId().equals(data.transactionId())) {
            LOG.log(Level.WARNING, "center answered transaction {0} with {1}", data.transactionId(), response.transactionId());
            response.wipe();
            outcomes.voided(data.transactionId(), VoidReason.TERMINAL_ERROR);
            refuse(ErrorCode.PROTOCOL_ERROR);
            return;
        }
        data.issued(response);
        go(SessionState.CONFIRM);
    }

    private void startPrinting() {
        go(SessionState.PRINTING);
        byte[] pdf = data.issued().pdf();
        String jobName = "certificate-" + data.transactionId();
        int sheets = data.issued().pages();
        PrinterPort printer = devices.printer();
        worker.submit(state, new Job<>(() -> {
            try {
                printer.print(pdf, jobName, sheets);
                return Boolean.TRUE;
            } finally {
                Arrays.fill(pdf, (byte) 0);
            }
        }, Scope.SCREEN, printed -> printed(), failure -> {
            LOG.log(Level.WARNING, "printing failed for transaction {0}: {1}", data.transactionId(), failure.code());
            finish(SessionState.REFUSED, ErrorCode.PRINTER_ERROR, VoidReason.PRINTER_FAILED);
        }, null));
    }

    private void printed() {
        outcomes.printed(data.transactionId(), payment.keptYen());
        data.printed();
        payment.close();
        lastReminder = clock.instant();
        go(SessionState.TAKE_CERTIFICATE);
    }

    private void timedOut() {
        LOG.log(Level.INFO, "session {0} timed out at {1}", sessionNumber, state);
        switch (state) {
            case CHECKING_CARD, READING -> finish(SessionState.REFUSED, ErrorCode.CARD_UNREADABLE, VoidReason.TIMEOUT);
            case REQUESTING -> finish(SessionState.REFUSED, ErrorCode.CENTER_UNAVAILABLE, VoidReason.TIMEOUT);
            case PRINTING -> finish(SessionState.REFUSED, ErrorCode.PRINTER_ERROR, VoidReason.PRINTER_FAILED);
            case REFUSED -> {
                end = end.acknowledged();
                go(SessionState.IDLE);
            }
            // the resident did not answer the countdown: the start screen says the time ran out
            // (not after the certificate was printed: that session is simply over)
            default -> finish(SessionState.IDLE, null, VoidReason.TIMEOUT, state.asksTheResident());
        }
    }

    private void refuse(ShomeiException failure) {
        refuse(failure.code());
    }

    private void refuse(ErrorCode code) {
        finish(SessionState.REFUSED, code, voidReasonFor(code));
    }

    /**
     * The one way out of a session: pays back money not earned, voids an issuance not printed,
     * wipes everything the resident left in memory, and shows {@code next}.
     */
    private void finish(SessionState next, ErrorCode errorCode, VoidReason reason) {
        finish(next, errorCode, reason, false);
    }

    private void finish(SessionState next, ErrorCode errorCode, VoidReason reason, boolean timedOut) {
        SessionState shown = next;
        ErrorCode code = errorCode;
        Payment.Refund refund = payment.refundAndClose();
        if (refund.failed()) {
            shown = SessionState.REFUSED;
            code = ErrorCode.PAYMENT_ERROR;
        }
        if (data.issuedButNotReported()) {
            outcomes.voided(data.transactionId(), reason, payment.keptYen());
        }
        if (state == SessionState.REQUESTING && data.transactionId() != null) {
            outcomes.abandoned(data.transactionId(), reason);
        }
        boolean refused = shown == SessionState.REFUSED;
        boolean noticed = refused || timedOut || refund.yen() > 0 || cardPresent;
        end = new SessionEnd(refused ? code : null, timedOut && !refused, noticed ? data.language() : null, refund.yen());
        data.wipe();
        payment.reset();
        if (refused) {
            counters.countError();
            LOG.log(Level.INFO, "session {0} refused at {1}: {2}", sessionNumber, state, code);
        }
        worker.sessionChanged();
        go(shown);
    }

    private static VoidReason voidReasonFor(ErrorCode code) {
        return switch (code) {
            case CARD_REMOVED -> VoidReason.CARD_REMOVED;
            case PAYMENT_ERROR -> VoidReason.PAYMENT_FAILED;
            case PRINTER_ERROR -> VoidReason.PRINTER_FAILED;
            default -> VoidReason.TERMINAL_ERROR;
        };
    }

    // --- plumbing ------------------------------------------------------------------------------

    private void go(SessionState next) {
        LOG.log(Level.DEBUG, "session {0}: {1} -> {2}", sessionNumber, state, next);
        state = next;
        secondsLeft = -1;
        if (next == SessionState.IDLE) {
            endShownAt = clock.instant();
        }
        worker.screenChanged();
        touch();
        publish();
    }

    private void touch() {
        lastActivity = clock.instant();
        secondsLeft = -1;
    }

    private void publish() {
        listeners.publish(buildScreen());
    }

    private Screen buildScreen() {
        return screens.build(state, data, payment,
                new ScreenBuilder.Surroundings(cardPresent, outOfService, end, secondsLeft));
    }

    private void require(String action, SessionState expected) {
        if (state != expected) {
            throw invalid(action);
        }
    }

    private ShomeiException invalid(String action) {
        return new ShomeiException(ErrorCode.INVALID_REQUEST, action + " is not possible on screen " + state);
    }

    private static <T> T present(T value, String what) {
        if (value == null) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, what + " is required");
        }
        return value;
    }

    /** What the card gave: the files, or after a wrong PIN the tries left. */
    private record ReadResult(CardFiles files, int triesLeft) {
        static ReadResult read(CardFiles files) {
            return new ReadResult(files, -1);
        }

        static ReadResult wrongPin(int triesLeft) {
            return new ReadResult(null, triesLeft);
        }

        void wipe() {
            if (files != null) {
                files.wipe();
            }
        }
    }
}
