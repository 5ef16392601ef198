package dev.shomei.kiosk.session;

import dev.shomei.card.data.CardFiles;
import dev.shomei.kiosk.center.CenterLink;
import dev.shomei.kiosk.center.OutcomeOutbox;
import dev.shomei.kiosk.device.CardReaderPort;
import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.VoidReason;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The kiosk session: one resident's way from the attract screen to a printed certificate, as an
 * explicit state machine ({@link SessionState}). Inputs come from the touch screen (the action
 * methods), the card reader ({@link #cardInserted()}, {@link #cardRemoved()}), the cash unit and
 * the clock ({@link #tick()}); slow work (card, center, printer) runs on the {@code worker} and
 * reports back, and a result that arrives after its screen was left is discarded (and wiped, and
 * an issuance nobody will print is voided).
 *
 * <p>Every way out of a session — done, refusal, timeout, cancel, lost center — goes through
 * {@link #finish}, which refunds money not yet earned, voids an issuance not printed and wipes the
 * PIN digits, the card files and the PDF. An action that does not fit the current screen (a stale
 * click) throws {@link ShomeiException} INVALID_REQUEST and changes nothing.
 *
 * <p>Thread-safe: every entry point is synchronized; listeners are called under the lock and must
 * not block.
 */
public final class KioskSession {
    private static final System.Logger LOG = System.getLogger(KioskSession.class.getName());

    /** Municipal service hours are Japan time. */
    public static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Tokyo");

    /** The devices and the center the session drives. */
    public record Devices(CardReaderPort card, CenterLink center, CashUnit cash, PrinterPort printer) {
        public Devices {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(center, "center");
            Objects.requireNonNull(cash, "cash");
            Objects.requireNonNull(printer, "printer");
        }
    }

    private enum Guard { SAME_SCREEN, SAME_SESSION }

    private final Devices devices;
    private final OutcomeOutbox outbox;
    private final Clock clock;
    private final SessionTimeouts timeouts;
    private final Executor worker;
    private final int maxCopies;
    private final Counters counters = new Counters();
    private final List<Consumer<Screen>> listeners = new CopyOnWriteArrayList<>();
    private final SessionData data = new SessionData();
    /** Transactions left while the center was still working on them, and why: voided when they answer. */
    private final Map<String, VoidReason> abandoned = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VoidReason> eldest) {
            return size() > 64;
        }
    };

    private SessionState state = SessionState.IDLE;
    /** The number of the current (or last) session, for the log. */
    private long sessionNumber;
    /** Changes whenever a session starts or ends: results of work for an ended session are stale. */
    private long epoch;
    /** Changes on every screen change: results of work for a screen that was left are stale. */
    private long screenNumber;
    private Instant lastActivity;
    private Instant lastReminder;
    private boolean cardPresent;
    private ErrorCode error;
    /** The resident's language, kept for the refusal screen only (not personal). */
    private Language refusalLanguage;
    private int returnedYen;
    private Screen screen;
    private long screenVersion;

    public KioskSession(Devices devices, OutcomeOutbox outbox, Clock clock, SessionTimeouts timeouts,
                        Executor worker, int maxCopies) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.worker = Objects.requireNonNull(worker, "worker");
        if (maxCopies < 1 || maxCopies > dev.shomei.protocol.line.LineLimits.COPIES_MAX) {
            throw new IllegalArgumentException("maxCopies must be 1.." + dev.shomei.protocol.line.LineLimits.COPIES_MAX);
        }
        this.maxCopies = maxCopies;
        this.lastActivity = clock.instant();
        this.screen = buildScreen();
    }

    // --- observation -------------------------------------------------------------------------------

    /** Adds a listener and tells it the current screen at once. */
    public synchronized void addListener(Consumer<Screen> listener) {
        listeners.add(listener);
        listener.accept(screen);
    }

    public void removeListener(Consumer<Screen> listener) {
        listeners.remove(listener);
    }

    public synchronized Screen screen() {
        return screen;
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

    public synchronized void start() {
        require("start", SessionState.IDLE);
        sessionNumber++;
        epoch++;
        error = null;
        returnedYen = 0;
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
        data.language = present(language, "language");
        go(SessionState.CERTIFICATE_TYPE);
    }

    public synchronized void chooseCertificateType(CertificateType type) {
        require("certificate type", SessionState.CERTIFICATE_TYPE);
        data.certificateType = present(type, "certificate type");
        go(SessionState.PLACE_CARD);
        if (cardPresent) {
            checkCard();
        }
    }

    /** One step back on the screens where that is harmless. */
    public synchronized void back() {
        switch (state) {
            case LANGUAGE -> go(SessionState.SERVICE);
            case CERTIFICATE_TYPE -> go(SessionState.LANGUAGE);
            case PLACE_CARD -> go(SessionState.CERTIFICATE_TYPE);
            case COPIES -> {
                data.copies = 0;
                data.municipality = null;
                go(SessionState.MUNICIPALITY);
            }
            default -> throw invalid("back");
        }
    }

    public synchronized void pinDigit(int digit) {
        require("PIN digit", SessionState.PIN);
        data.pin.append(digit);
        touch();
        publish();
    }

    public synchronized void pinBackspace() {
        require("PIN backspace", SessionState.PIN);
        data.pin.backspace();
        touch();
        publish();
    }

    public synchronized void pinClear() {
        require("PIN clear", SessionState.PIN);
        data.pin.clear();
        touch();
        publish();
    }

    /** Sends exactly four digits to the card: VERIFY, then the reads. */
    public synchronized void submitPin() {
        require("PIN submit", SessionState.PIN);
        char[] pin = data.pin.take();
        data.notice = null;
        go(SessionState.READING);
        CardReaderPort card = devices.card();
        async(() -> {
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
        }, Guard.SAME_SCREEN, this::readFinished, this::refuse, stale -> {
            if (stale != null) {
                stale.wipe();
            }
        });
    }

    public synchronized void chooseMunicipality(String code) {
        require("municipality", SessionState.MUNICIPALITY);
        present(code, "municipality code");
        if (data.municipalities == null) {
            throw invalid("municipality before the list arrived");
        }
        MunicipalityInfo chosen = data.municipalities.stream()
                .filter(m -> m.code().equals(code)).findFirst().orElse(null);
        if (chosen == null || !chosen.offers(data.certificateType)) {
            refuse(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING);
            return;
        }
        if (!chosen.isOpenAt(localTime())) {
            refuse(ErrorCode.OUTSIDE_SERVICE_HOURS);
            return;
        }
        data.municipality = chosen;
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
        data.copies = copies;
        requestCertificate();
    }

    /** The resident checked name, birth date and doses: go to payment (or print when it is free). */
    public synchronized void confirm() {
        require("confirm", SessionState.CONFIRM);
        int fee = data.issued.feeYen();
        if (fee == 0) {
            startPrinting();
            return;
        }
        try {
            devices.cash().begin(fee, this::cashInserted);
        } catch (ShomeiException e) {
            LOG.log(Level.WARNING, "cash unit refused a payment: {0}", e.code());
            finish(SessionState.REFUSED, ErrorCode.PAYMENT_ERROR, VoidReason.PAYMENT_FAILED);
            return;
        }
        data.paymentOpen = true;
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
        error = null;
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

    // --- the devices ---------------------------------------------------------------------------

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

    /** Called by the scheduler (a few times a second): timeouts and the repeating reminder. */
    public synchronized void tick() {
        if (state == SessionState.IDLE) {
            return;
        }
        Instant now = clock.instant();
        if (state == SessionState.TAKE_CERTIFICATE
                && !now.isBefore(lastReminder.plus(timeouts.reminderInterval()))) {
            data.reminders++;
            lastReminder = now;
            publish();
        }
        if (!now.isBefore(lastActivity.plus(timeouts.of(state)))) {
            timedOut();
        }
    }

    // --- transitions ---------------------------------------------------------------------------

    private void checkCard() {
        go(SessionState.CHECKING_CARD);
        CardReaderPort card = devices.card();
        async(card::pinTriesLeft, Guard.SAME_SCREEN, tries -> {
            if (tries <= 0) {
                refuse(ErrorCode.PIN_BLOCKED);
            } else {
                data.triesLeft = tries;
                go(SessionState.PIN);
            }
        }, this::refuse, null);
    }

    private void readFinished(ReadResult result) {
        if (result.files() != null) {
            data.card = result.files();
            go(SessionState.REMOVE_CARD);
            loadMunicipalities();
            if (!cardPresent) {
                enterMunicipality();
            }
        } else if (result.triesLeft() <= 0) {
            refuse(ErrorCode.PIN_BLOCKED);
        } else {
            data.triesLeft = result.triesLeft();
            data.notice = ErrorCode.PIN_INCORRECT;
            go(SessionState.PIN);
        }
    }

    /** Fetched while the resident takes the card out, so the list is usually there in time. */
    private void loadMunicipalities() {
        CenterLink center = devices.center();
        async(center::municipalities, Guard.SAME_SESSION, list -> {
            data.municipalities = list;
            publish();
        }, failure -> {
            data.municipalitiesError = failure.code();
            if (state == SessionState.MUNICIPALITY) {
                refuse(failure.code());
            }
        }, null);
    }

    private void enterMunicipality() {
        go(SessionState.MUNICIPALITY);
        if (data.municipalitiesError != null) {
            refuse(data.municipalitiesError);
        }
    }

    private void requestCertificate() {
        String transactionId = UUID.randomUUID().toString();
        data.transactionId = transactionId;
        IssueRequest request;
        CardFiles card = data.card;
        data.card = null;
        try {
            request = new IssueRequest(transactionId, data.municipality.code(), data.certificateType,
                    data.copies, data.language, card.ef0001(), card.ef0002(), card.ef0003(), card.ef0004());
        } catch (IllegalArgumentException e) {
            // a card file of impossible size; the message names only the field
            LOG.log(Level.WARNING, "card files do not fit an issue request: {0}", e.getMessage());
            refuse(ErrorCode.CARD_UNREADABLE);
            return;
        } finally {
            // the request holds its own copy until sent; ours goes now
            card.wipe();
        }
        go(SessionState.REQUESTING);
        LOG.log(Level.INFO, "session {0} requests transaction {1} for municipality {2}",
                sessionNumber, transactionId, data.municipality.code());
        CenterLink center = devices.center();
        async(() -> {
            try {
                return center.issue(request);
            } finally {
                request.wipe();
            }
        }, Guard.SAME_SCREEN, this::issued, failure -> {
            if (failure.code() == ErrorCode.CENTER_UNAVAILABLE) {
                // the center may have issued before the line broke: make sure it is voided
                voidTransaction(transactionId, VoidReason.TERMINAL_ERROR);
            }
            refuse(failure.code());
        }, late -> {
            VoidReason reason = abandoned.remove(transactionId);
            if (late != null) {
                late.wipe();
                voidTransaction(transactionId, reason == null ? VoidReason.TERMINAL_ERROR : reason);
            }
        });
    }

    private void issued(IssueResponse response) {
        if (!response.transactionId().equals(data.transactionId)) {
            LOG.log(Level.WARNING, "center answered transaction {0} with {1}", data.transactionId, response.transactionId());
            response.wipe();
            voidTransaction(data.transactionId, VoidReason.TERMINAL_ERROR);
            refuse(ErrorCode.PROTOCOL_ERROR);
            return;
        }
        data.issued = response;
        go(SessionState.CONFIRM);
    }

    private void cashInserted(int insertedYen) {
        synchronized (this) {
            if (state != SessionState.PAYMENT) {
                return;
            }
            data.insertedYen = insertedYen;
            touch();
            if (insertedYen < data.issued.feeYen()) {
                publish();
                return;
            }
            try {
                data.changeYen = devices.cash().collect();
                data.collected = true;
            } catch (ShomeiException e) {
                LOG.log(Level.WARNING, "cash unit could not collect: {0}", e.code());
                finish(SessionState.REFUSED, ErrorCode.PAYMENT_ERROR, VoidReason.PAYMENT_FAILED);
                return;
            }
            startPrinting();
        }
    }

    private void startPrinting() {
        go(SessionState.PRINTING);
        byte[] pdf = data.issued.pdf();
        String jobName = "certificate-" + data.transactionId;
        int sheets = data.issued.pages();
        PrinterPort printer = devices.printer();
        async(() -> {
            try {
                printer.print(pdf, jobName, sheets);
                return Boolean.TRUE;
            } finally {
                Arrays.fill(pdf, (byte) 0);
            }
        }, Guard.SAME_SCREEN, printed -> printed(), failure -> {
            LOG.log(Level.WARNING, "printing failed for transaction {0}: {1}", data.transactionId, failure.code());
            finish(SessionState.REFUSED, ErrorCode.PRINTER_ERROR, VoidReason.PRINTER_FAILED);
        }, null);
    }

    private void printed() {
        outbox.submit(PrintOutcome.printed(data.transactionId));
        data.outcomeReported = true;
        counters.countIssued();
        data.certificateIds = data.issued.certificateIds();
        data.issued.wipe();
        data.issued = null;
        if (data.paymentOpen) {
            devices.cash().end();
            data.paymentOpen = false;
        }
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
                error = null;
                go(SessionState.IDLE);
            }
            default -> finish(SessionState.IDLE, null, VoidReason.TIMEOUT);
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
        SessionState shown = next;
        ErrorCode code = errorCode;
        int returned = 0;
        if (data.paymentOpen) {
            try {
                returned = devices.cash().refund();
            } catch (ShomeiException e) {
                LOG.log(Level.ERROR, "cash unit could not refund: {0}", e.code());
                shown = SessionState.REFUSED;
                code = ErrorCode.PAYMENT_ERROR;
            }
            devices.cash().end();
        }
        if (data.issued != null && !data.outcomeReported) {
            voidTransaction(data.transactionId, reason);
        }
        if (state == SessionState.REQUESTING && data.transactionId != null) {
            abandoned.put(data.transactionId, reason == VoidReason.NONE ? VoidReason.TERMINAL_ERROR : reason);
        }
        refusalLanguage = shown == SessionState.REFUSED ? data.language : null;
        data.wipe();
        if (shown == SessionState.REFUSED) {
            counters.countError();
            LOG.log(Level.INFO, "session {0} refused at {1}: {2}", sessionNumber, state, code);
        }
        error = shown == SessionState.REFUSED ? code : null;
        returnedYen = returned;
        epoch++;
        go(shown);
    }

    private void voidTransaction(String transactionId, VoidReason reason) {
        outbox.submit(PrintOutcome.voided(transactionId,
                reason == null || reason == VoidReason.NONE ? VoidReason.TERMINAL_ERROR : reason));
        counters.countVoided();
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
        screenNumber++;
        touch();
        publish();
    }

    private void touch() {
        lastActivity = clock.instant();
    }

    private void publish() {
        screen = buildScreen();
        for (Consumer<Screen> listener : listeners) {
            try {
                listener.accept(screen);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "screen listener failed: {0}", e.getClass().getName());
            }
        }
    }

    /** Runs {@code work} on the worker and hands its result back under the lock, if still wanted. */
    private <T> void async(Callable<T> work, Guard guard, Consumer<T> onResult,
                           Consumer<ShomeiException> onFailure, Consumer<T> onStale) {
        long epochAtStart = epoch;
        long screenAtStart = screenNumber;
        SessionState stateAtStart = state;
        worker.execute(() -> {
            T result = null;
            ShomeiException failure = null;
            try {
                result = work.call();
            } catch (ShomeiException e) {
                failure = e;
            } catch (Exception e) {
                // the class only: a message could carry anything
                LOG.log(Level.ERROR, "unexpected failure at {0}: {1}", stateAtStart, e.getClass().getName());
                failure = new ShomeiException(ErrorCode.INTERNAL, "unexpected failure at " + stateAtStart);
            }
            synchronized (KioskSession.this) {
                boolean wanted = epochAtStart == epoch
                        && (guard == Guard.SAME_SESSION || screenAtStart == screenNumber);
                if (!wanted) {
                    if (onStale != null) {
                        onStale.accept(result);
                    }
                    return;
                }
                try {
                    if (failure != null) {
                        onFailure.accept(failure);
                    } else {
                        onResult.accept(result);
                    }
                } catch (ShomeiException e) {
                    refuse(e.code());
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "session failed after {0}: {1}", stateAtStart, e.getClass().getName());
                    refuse(ErrorCode.INTERNAL);
                }
            }
        });
    }

    private Screen buildScreen() {
        List<Screen.MunicipalityChoice> choices = data.municipalities == null ? null
                : data.municipalities.stream().map(this::choice).toList();
        Screen.MunicipalityChoice chosen = data.municipality == null ? null : choice(data.municipality);
        int fee = data.issued != null ? data.issued.feeYen()
                : data.municipality != null ? Math.max(data.copies, 1) * data.municipality.feePerCopyYen() : 0;
        boolean printing = state == SessionState.PRINTING || state == SessionState.TAKE_CERTIFICATE;
        Language language = state == SessionState.REFUSED ? refusalLanguage : data.language;
        return new Screen(++screenVersion, state, language, data.certificateType, cardPresent, data.triesLeft,
                data.pin.length(), data.notice, choices, chosen, data.copies, maxCopies, fee, data.insertedYen,
                state == SessionState.CONFIRM && data.issued != null ? data.issued.summary() : null,
                error, printing ? data.changeYen : returnedYen, data.reminders,
                data.issued != null || printing ? data.transactionId : null, data.certificateIds);
    }

    private Screen.MunicipalityChoice choice(MunicipalityInfo m) {
        ErrorCode reason = null;
        if (data.certificateType != null && !m.offers(data.certificateType)) {
            reason = ErrorCode.MUNICIPALITY_NOT_PARTICIPATING;
        } else if (!m.isOpenAt(localTime())) {
            reason = ErrorCode.OUTSIDE_SERVICE_HOURS;
        }
        return new Screen.MunicipalityChoice(m.code(), m.nameJa(), m.nameEn(), m.feePerCopyYen(), reason == null, reason);
    }

    private LocalTime localTime() {
        return LocalTime.ofInstant(clock.instant(), SERVICE_ZONE);
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
