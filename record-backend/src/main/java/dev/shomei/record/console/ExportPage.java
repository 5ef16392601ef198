package dev.shomei.record.console;

import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV export of the own municipality's issuance records for a date range (supervisors). The
 * columns are ids, codes and times; there is no My Number column and no My Number is ever read.
 * A POST with the CSRF token, audited with the range and the row count.
 */
final class ExportPage {
    /** The longest range one export covers. */
    static final int MAX_DAYS = 366;
    static final int MAX_ROWS = 200_000;
    static final List<String> COLUMNS = List.of("certificate_id", "issued_at", "certificate_type", "channel", "terminal_id",
            "status", "status_changed_at", "void_reason", "transaction_id", "copies", "fee_total_yen", "atena_number",
            "charged_yen");

    private final RecordQueries queries;
    private final ConsoleAudit audit;

    ExportPage(RecordQueries queries, ConsoleAudit audit) {
        this.queries = queries;
        this.audit = audit;
    }

    void register(ConsoleRouter router) {
        router.get("/export", Permission.EXPORT, exchange -> form(exchange, Status.OK_200, List.of(), "", ""));
        router.post("/export", Permission.EXPORT, this::export);
    }

    private void form(Exchange x, Status status, List<String> problems, String from, String to) {
        x.html(status, Layout.page(x, x.t("export.title"), html -> {
            RecordPages.problems(html, x, problems);
            html.element("p", x.t("export.intro", MAX_DAYS));
            html.open("form", "method", "post", "action", "/export");
            Layout.csrf(html, x);
            Layout.field(html, "from", x.t("field.from"), "date", from, "required", "required", "autofocus", "autofocus",
                    "maxlength", "64");
            Layout.field(html, "to", x.t("field.to"), "date", to, "required", "required", "maxlength", "64");
            html.element("button", x.t("export.submit"), "type", "submit");
            html.close("form");
            ResidentExportPage.link(html, x);
        }));
    }

    private void export(Exchange x) {
        Actor actor = x.actor();
        MunicipalityCode code = actor.municipality();
        String fromText = x.form().get("from");
        String toText = x.form().get("to");
        List<String> problems = new ArrayList<>();
        LocalDate from = IssuanceCriteria.date(fromText, problems, "search.bad.from");
        LocalDate to = IssuanceCriteria.date(toText, problems, "search.bad.to");
        if (from == null && fromText.isEmpty()) {
            problems.add("search.bad.from");
        }
        if (to == null && toText.isEmpty()) {
            problems.add("search.bad.to");
        }
        if (from != null && to != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS)) {
            problems.add("export.bad.range");
        }
        if (!problems.isEmpty()) {
            form(x, Status.BAD_REQUEST_400, problems, fromText, toText);
            return;
        }
        List<IssuanceRow> rows = queries.issuancesBetween(code, from, to, MAX_ROWS);
        audit.record(actor, "EXPORT", "municipality", code.value(), "OK", "from=" + from + " to=" + to + " rows=" + rows.size());
        byte[] csv = IssuanceCsv.write(rows);
        x.response.status(Status.OK_200);
        x.response.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
        x.response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"issuances-" + code + "-" + from + "-"
                + to + ".csv\"");
        x.response.send(csv);
    }

    /** The CSV bytes: UTF-8 with a BOM (spreadsheet programs in Japan expect it), CRLF, RFC 4180 quoting. */
    static final class IssuanceCsv {
        private IssuanceCsv() {
        }

        static byte[] write(List<IssuanceRow> rows) {
            StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", COLUMNS)).append("\r\n");
            for (IssuanceRow row : rows) {
                List<String> cells = List.of(row.certificateId(), Formats.time(row.issuedAt()), row.type().name(),
                        row.channel().name(), nullToEmpty(row.terminalId()), row.status().name(),
                        Formats.time(row.statusChangedAt()), nullToEmpty(row.voidReason()), row.transactionId(),
                        String.valueOf(row.copies()), String.valueOf(row.feeTotalYen()), row.atenaNumber(),
                        row.chargedYen() == null ? "" : String.valueOf(row.chargedYen()));
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    csv.append(cell(cells.get(i)));
                }
                csv.append("\r\n");
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** Quotes when needed; a leading = + - @ is defused (no formula runs in a spreadsheet). */
        static String cell(String value) {
            String text = value;
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                return "\"" + text.replace("\"", "\"\"") + "\"";
            }
            return text;
        }

        private static String nullToEmpty(String value) {
            return value == null ? "" : value;
        }
    }
}
