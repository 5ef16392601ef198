package dev.shomei.center.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.center.board.Alert;
import dev.shomei.center.board.TerminalView;
import dev.shomei.center.hours.MaintenanceWindow;
import dev.shomei.center.issue.ReconciledIssuance;
import dev.shomei.center.municipality.MunicipalitySettings;
import dev.shomei.center.stats.IssuanceStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON in and out of the console API; times as ISO-8601 strings. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(String body) {
        try {
            JsonNode node = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return node.asText();
    }

    static Map<String, Object> terminal(TerminalView view) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", view.terminalId());
        map.put("label", view.label());
        map.put("enabled", view.enabled());
        map.put("status", view.status().name());
        map.put("connected", view.connected());
        map.put("firmware", view.firmwareVersion());
        map.put("lastHeartbeat", view.lastHeartbeat() == null ? null : view.lastHeartbeat().toString());
        map.put("paper", view.paperPercent());
        map.put("toner", view.tonerPercent());
        map.put("reader", view.reader() == null ? null : view.reader().name());
        map.put("printer", view.printer() == null ? null : view.printer().name());
        map.put("cashUnit", view.cashUnit() == null ? null : view.cashUnit().name());
        map.put("issued", view.issuedCount());
        map.put("voided", view.voidedCount());
        map.put("errors", view.errorCount());
        return map;
    }

    static Map<String, Object> alert(Alert alert) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", alert.id());
        map.put("raisedAt", alert.raisedAt().toString());
        map.put("kind", alert.kind().name());
        map.put("terminalId", alert.terminalId());
        map.put("subject", alert.subject());
        map.put("open", alert.isOpen());
        map.put("resolvedAt", alert.resolvedAt() == null ? null : alert.resolvedAt().toString());
        map.put("acknowledged", alert.acknowledged());
        return map;
    }

    static Map<String, Object> municipality(MunicipalitySettings m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", m.code());
        map.put("nameJa", m.nameJa());
        map.put("nameEn", m.nameEn());
        map.put("participating", m.participating());
        map.put("offersOverseas", m.offersOverseas());
        map.put("feePerCopyYen", m.feePerCopyYen());
        map.put("opensAt", m.opensAt().toString());
        map.put("closesAt", m.closesAt().toString());
        return map;
    }

    static Map<String, Object> maintenance(int index, MaintenanceWindow w) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("index", index);
        map.put("start", w.start().toString());
        map.put("end", w.end().toString());
        map.put("municipalityCode", w.municipalityCode());
        map.put("note", w.note());
        return map;
    }

    static Map<String, Object> reconciled(ReconciledIssuance r) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("transactionId", r.transactionId());
        map.put("terminalId", r.terminalId());
        map.put("municipalityCode", r.municipalityCode());
        map.put("issuedAt", r.issuedAt() == null ? null : r.issuedAt().toString());
        map.put("voidedAt", r.voidedAt().toString());
        return map;
    }

    static Map<String, Object> counts(IssuanceStats stats, int hours) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("perHour", stats.perHour(hours).stream().map(row -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("hour", row.hour().toString());
            row.counts().forEach((outcome, count) -> r.put(outcome.name(), count));
            return r;
        }).toList());
        map.put("perMunicipality", stats.perMunicipality().stream().map(row -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("municipalityCode", row.municipalityCode());
            row.counts().forEach((outcome, count) -> r.put(outcome.name(), count));
            return r;
        }).toList());
        return map;
    }

    static Map<String, Object> board(List<TerminalView> terminals, List<Alert> alerts, long version) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", version);
        map.put("terminals", terminals.stream().map(Json::terminal).toList());
        map.put("alerts", alerts.stream().map(Json::alert).toList());
        return map;
    }
}
