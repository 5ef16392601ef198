package dev.shomei.center.issue;

import dev.shomei.card.data.VerifiedCardData;
import dev.shomei.center.board.AlertKind;
import dev.shomei.center.board.AlertLog;
import dev.shomei.center.hours.ServiceCalendar;
import dev.shomei.center.metrics.CenterMetrics;
import dev.shomei.center.municipality.MunicipalityCatalog;
import dev.shomei.center.municipality.MunicipalitySettings;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.center.stats.IssuanceStats;
import dev.shomei.center.stats.Outcome;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.CardHolder;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.PrintResult;
import dev.shomei.protocol.line.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One issuance, in the order the architecture fixes: terminal enabled -> inside service hours ->
 * card data verified (a bad card is refused before anything else is asked) -> municipality takes
 * part and offers the type -> the card's use limits -> record backend (idempotent by transaction id) -> PDF -> response.
 * Print outcomes mark the issuance PRINTED or VOIDED at the backend.
 *
 * <p>Logs and metrics carry the transaction id, terminal, municipality code, result code and
 * latency, nothing else. Card data and the PDF are wiped on every path out.
 */
public final class KioskIssuance {
    private static final System.Logger LOG = System.getLogger(KioskIssuance.class.getName());

    private final TerminalRegistry registry;
    private final ServiceCalendar calendar;
    private final MunicipalityCatalog municipalities;
    private final CardVerification cards;
    private final RecordBackend backend;
    private final PrintoutRenderer renderer;
    private final IssuedTransactions transactions;
    private final IssuanceStats stats;
    private final CenterMetrics metrics;
    private final AlertLog alerts;
    private final CardUseGuard cardUse;

    public KioskIssuance(TerminalRegistry registry, ServiceCalendar calendar, MunicipalityCatalog municipalities,
            CardVerification cards, RecordBackend backend, PrintoutRenderer renderer,
            IssuedTransactions transactions, IssuanceStats stats, CenterMetrics metrics, AlertLog alerts,
            CardUseGuard cardUse) {
        this.registry = registry;
        this.calendar = calendar;
        this.municipalities = municipalities;
        this.cards = cards;
        this.backend = backend;
        this.renderer = renderer;
        this.transactions = transactions;
        this.stats = stats;
        this.metrics = metrics;
        this.alerts = alerts;
        this.cardUse = cardUse;
    }

    /** The municipalities a kiosk may offer, or a refusal when the list was never loaded. */
    public LineMessage municipalityList(String terminalId) {
        if (!registry.isEnabled(terminalId)) {
            return new Refusal("", ErrorCode.TERMINAL_DISABLED);
        }
        try {
            return new dev.shomei.protocol.line.MunicipalityListResponse(municipalities.forKiosks());
        } catch (ShomeiException e) {
            return new Refusal("", e.code());
        }
    }

    /** Every municipality of Japan, with readings and whether each takes part (the new kiosks' chooser). */
    public LineMessage municipalityCatalog(String terminalId) {
        if (!registry.isEnabled(terminalId)) {
            return new Refusal("", ErrorCode.TERMINAL_DISABLED);
        }
        try {
            return new dev.shomei.protocol.line.MunicipalityCatalogResponse(municipalities.nationwide());
        } catch (ShomeiException e) {
            return new Refusal("", e.code());
        }
    }

    /** Handles an issue request from {@code terminalId}; wipes the request's card files. */
    public LineMessage issue(String terminalId, IssueRequest request) {
        long started = System.nanoTime();
        String txid = request.transactionId();
        String code = request.municipalityCode();
        try {
            IssueResponse response = issueOrThrow(terminalId, request);
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            metrics.issueAnswered("ISSUED", latency);
            stats.record(code, Outcome.ISSUED);
            LOG.log(System.Logger.Level.INFO, "issue tx={0} terminal={1} municipality={2} result=ISSUED latencyMs={3}",
                    txid, terminalId, code, latency.toMillis());
            return response;
        } catch (Refused refused) {
            return refuse(terminalId, txid, code, refused.code, refused.detail, started);
        } catch (ShomeiException e) {
            return refuse(terminalId, txid, code, e.code(), OptionalInt.empty(), started);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "issue tx=" + txid + " terminal=" + terminalId + " failed: "
                    + e.getClass().getName());
            return refuse(terminalId, txid, code, ErrorCode.INTERNAL, OptionalInt.empty(), started);
        } finally {
            request.wipe();
        }
    }

    private IssueResponse issueOrThrow(String terminalId, IssueRequest request) {
        String txid = request.transactionId();
        if (!registry.isEnabled(terminalId)) {
            throw new Refused(ErrorCode.TERMINAL_DISABLED);
        }
        Optional<MunicipalitySettings> municipality = municipalities.find(request.municipalityCode());
        MunicipalityInfo hours = municipality.map(MunicipalitySettings::toLineInfo)
                .orElseGet(() -> defaultHours(request.municipalityCode()));
        if (!calendar.isOpen(hours)) {
            long wait = calendar.untilOpen(hours).toSeconds();
            throw new Refused(ErrorCode.OUTSIDE_SERVICE_HOURS, OptionalInt.of((int) Math.min(Integer.MAX_VALUE, wait)));
        }

        VerifiedCardData card = cards.verify(request);
        try {
            if (municipality.isEmpty() || !municipality.get().participating()) {
                throw new Refused(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING);
            }
            MunicipalitySettings terms = municipality.get();
            if (!terms.offers(request.certificateType())) {
                throw new Refused(ErrorCode.INVALID_REQUEST);
            }
            cardUse.admit(card.myNumber(), terminalId, txid);
            dev.shomei.protocol.backend.IssuanceResponse issued = callBackend(() -> backend.issue(
                    new dev.shomei.protocol.backend.IssuanceRequest(txid, terms.code(), card.myNumber().reveal(),
                            new CardHolder(card.name(), card.address(), card.birthDate().toString(),
                                    String.valueOf(card.sex().code())),
                            request.certificateType(), request.copies(), terminalId)));
            SignedCertificate certificate = issued.certificate();
            checkAnswerMatches(request, terms, card, issued, certificate);
            transactions.put(txid, terminalId, terms.code());
            if (issued.status() != IssuanceStatus.ISSUED) {
                // a retry of an issuance that already ended: never print it a second time
                LOG.log(System.Logger.Level.WARNING, "issue tx={0} terminal={1}: issuance already {2}",
                        txid, terminalId, issued.status());
                throw new Refused(ErrorCode.INVALID_REQUEST);
            }
            return respond(request, terms, issued, certificate);
        } finally {
            card.wipe();
        }
    }

    private IssueResponse respond(IssueRequest request, MunicipalitySettings terms,
            dev.shomei.protocol.backend.IssuanceResponse issued, SignedCertificate certificate) {
        RenderedCertificate rendered;
        try {
            rendered = renderer.render(certificate, request.copies());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "issue tx={0}: rendering failed ({1}); voiding",
                    request.transactionId(), e.getClass().getSimpleName());
            voidQuietly(terms.code(), request.transactionId(), "RENDER_FAILED");
            throw new Refused(ErrorCode.INTERNAL);
        }
        try {
            // the fee the backend recorded for this issuance: the one amount the kiosk charges and reports back
            return new IssueResponse(request.transactionId(), List.of(issued.certificateId()),
                    issued.feeTotalYen(), rendered.pages(), ConfirmSummary.of(certificate.content()), rendered.pdf());
        } finally {
            rendered.wipe(); // the response holds its own copy
        }
    }

    /** The backend answers for the transaction id; make sure it is the request's municipality, type and person. */
    private static void checkAnswerMatches(IssueRequest request, MunicipalitySettings terms, VerifiedCardData card,
            dev.shomei.protocol.backend.IssuanceResponse issued, SignedCertificate certificate) {
        CertificateContent content = certificate.content();
        boolean matches = request.transactionId().equals(issued.transactionId())
                && terms.code().equals(issued.municipalityCode())
                && content.type() == request.certificateType()
                && content.person().birthDate().equals(card.birthDate());
        if (!matches) {
            LOG.log(System.Logger.Level.ERROR, "issue tx={0}: the backend answered for a different request; refused",
                    request.transactionId());
            throw new Refused(ErrorCode.INVALID_REQUEST);
        }
    }

    /**
     * Marks the issuance PRINTED or VOIDED at the backend; answers ACK or a refusal. A disabled
     * terminal may still close the issuances it made (disabling stops new sessions, never the
     * closing of open ones): its outcome is taken when this center remembers the transaction as
     * that terminal's. Any terminal's outcome for an issuance another terminal made is refused (here
     * when this center remembers the issuance, at the backend otherwise). Every refusal raises an OUTCOME_REFUSED alert: an outcome is never dropped
     * unseen.
     */
    public LineMessage outcome(String terminalId, PrintOutcome outcome) {
        String txid = outcome.transactionId();
        try {
            if (!registry.isEnabled(terminalId) && !madeBy(terminalId, txid)) {
                throw new Refused(ErrorCode.TERMINAL_DISABLED);
            }
            if (madeByAnother(terminalId, txid)) { // the backend checks the same for issuances this center forgot
                throw new Refused(ErrorCode.INVALID_REQUEST);
            }
            String municipality = municipalityOf(txid)
                    .orElseThrow(() -> new Refused(ErrorCode.INVALID_REQUEST));
            IssuanceStatus status = outcome.result() == PrintResult.PRINTED ? IssuanceStatus.PRINTED : IssuanceStatus.VOIDED;
            String reason = outcome.result() == PrintResult.PRINTED ? null : outcome.reason().name();
            Integer charged = outcome.chargedYen().isPresent() ? outcome.chargedYen().getAsInt() : null;
            callBackend(() -> backend.updateStatus(new StatusUpdate(municipality, txid, status, reason, terminalId, charged)));
            transactions.remove(txid);
            alerts.resolve(AlertKind.OUTCOME_REFUSED, terminalId, txid); // a refused report that came again
            if (status == IssuanceStatus.VOIDED && charged != null && charged > 0) {
                // recorded (a void is never refused), but someone must give the resident their money
                LOG.log(System.Logger.Level.WARNING, "outcome tx={0} terminal={1}: voided but {2} yen kept",
                        txid, terminalId, charged);
                alerts.raise(AlertKind.FEE_MISMATCH, terminalId, txid);
            }
            Outcome counted = outcome.result() == PrintResult.PRINTED ? Outcome.PRINTED : Outcome.VOIDED;
            stats.record(municipality, counted);
            metrics.outcome(counted.name());
            LOG.log(System.Logger.Level.INFO, "outcome tx={0} terminal={1} municipality={2} result={3}{4}",
                    txid, terminalId, municipality, status, reason == null ? "" : " reason=" + reason);
            return new dev.shomei.protocol.line.Ack(dev.shomei.protocol.line.MessageType.PRINT_OUTCOME, txid);
        } catch (Refused refused) {
            return refuseOutcome(terminalId, txid, refused.code);
        } catch (ShomeiException e) {
            return refuseOutcome(terminalId, txid, e.code());
        }
    }

    private boolean madeBy(String terminalId, String transactionId) {
        return transactions.find(transactionId).map(e -> e.terminalId().equals(terminalId)).orElse(false);
    }

    private boolean madeByAnother(String terminalId, String transactionId) {
        return transactions.find(transactionId).map(e -> !e.terminalId().equals(terminalId)).orElse(false);
    }

    private Refusal refuseOutcome(String terminalId, String txid, ErrorCode code) {
        LOG.log(System.Logger.Level.WARNING, "outcome tx={0} terminal={1} refused: {2}", txid, terminalId, code);
        if (code == ErrorCode.FEE_MISMATCH) {
            alerts.raise(AlertKind.FEE_MISMATCH, terminalId, txid);
        } else if (code != ErrorCode.BACKEND_UNAVAILABLE) { // that one has its own alert, and the kiosk sends it again
            alerts.raise(AlertKind.OUTCOME_REFUSED, terminalId, txid);
        }
        return new Refusal(txid, code);
    }

    /**
     * From memory, else from the backend, which knows the transaction whatever its status: the
     * issuance may have come through another center, or through this one before a restart, and been
     * voided by reconciliation since (a late PRINTED still wins there). A transaction id found in
     * more than one municipality is refused rather than guessed.
     */
    private Optional<String> municipalityOf(String transactionId) {
        Optional<IssuedTransactions.Entry> known = transactions.find(transactionId);
        if (known.isPresent()) {
            return Optional.of(known.get().municipalityCode());
        }
        TransactionIssuances found = callBackend(() -> backend.byTransaction(transactionId));
        List<String> codes = found.issuances().stream()
                .filter(e -> e.transactionId().equals(transactionId))
                .map(TransactionIssuances.Entry::municipalityCode).distinct().toList();
        if (codes.size() > 1) {
            LOG.log(System.Logger.Level.ERROR, "outcome tx={0}: the backend holds it in {1} municipalities; refused",
                    transactionId, codes.size());
            return Optional.empty();
        }
        return codes.stream().findFirst();
    }

    private void voidQuietly(String municipality, String txid, String reason) {
        try {
            callBackend(() -> backend.updateStatus(new StatusUpdate(municipality, txid, IssuanceStatus.VOIDED, reason)));
        } catch (ShomeiException e) {
            LOG.log(System.Logger.Level.WARNING, "tx={0}: could not void ({1}); reconciliation will", txid, e.code());
        }
    }

    /** Runs a backend call, keeping the BACKEND_UNAVAILABLE alert and metric in step with it. */
    private <T> T callBackend(java.util.function.Supplier<T> call) {
        try {
            T result = call.get();
            alerts.resolve(AlertKind.BACKEND_UNAVAILABLE, "", "");
            return result;
        } catch (ShomeiException e) {
            if (e.code() == ErrorCode.BACKEND_UNAVAILABLE) {
                metrics.backendFailure();
                alerts.raise(AlertKind.BACKEND_UNAVAILABLE, "", "");
            } else {
                alerts.resolve(AlertKind.BACKEND_UNAVAILABLE, "", "");
            }
            throw e;
        }
    }

    private Refusal refuse(String terminalId, String txid, String code, ErrorCode error, OptionalInt detail, long started) {
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        metrics.issueRefused(error, latency);
        stats.record(code, Outcome.REFUSED);
        LOG.log(System.Logger.Level.INFO, "issue tx={0} terminal={1} municipality={2} result={3} latencyMs={4}",
                txid, terminalId, code, error, latency.toMillis());
        return new Refusal(txid, error, detail);
    }

    private static MunicipalityInfo defaultHours(String code) {
        return new MunicipalityInfo(code, "-", "-", 0, ServiceCalendar.DEFAULT_OPENS, ServiceCalendar.DEFAULT_CLOSES,
                Set.of(dev.shomei.protocol.CertificateType.DOMESTIC));
    }

    /** A refusal decided here (not an exception from a collaborator). */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final ErrorCode code;
        private final OptionalInt detail;

        Refused(ErrorCode code) {
            this(code, OptionalInt.empty());
        }

        Refused(ErrorCode code, OptionalInt detail) {
            super(code.name(), null, false, false);
            this.code = code;
            this.detail = detail;
        }
    }
}
