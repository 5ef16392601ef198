package dev.shomei.protocol.vds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.CertificateVerificationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Maps {@link VdsNcVaccination} to the seal's {@code data} JSON and back. */
final class VdsNcJson {
    static final String TYPE = "icao.vacc";
    static final int VERSION = 1;

    private VdsNcJson() {
    }

    static ObjectNode data(String issuingCountry, VdsNcVaccination message) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode data = f.objectNode();
        ObjectNode hdr = data.putObject("hdr");
        hdr.put("t", TYPE);
        hdr.put("v", VERSION);
        hdr.put("is", issuingCountry);
        ObjectNode msg = data.putObject("msg");
        msg.put("uvci", message.uvci());
        ObjectNode pid = msg.putObject("pid");
        pid.put("n", message.name());
        pid.put("dob", message.birthDate().toString());
        pid.put("i", message.passportNumber());
        if (message.additionalId() != null) {
            pid.put("ai", message.additionalId());
        }
        ArrayNode ve = msg.putArray("ve");
        for (VdsNcVaccination.Event event : message.events()) {
            ObjectNode e = ve.addObject();
            e.put("des", event.des());
            e.put("nam", event.nam());
            e.put("dis", event.dis());
            ArrayNode vd = e.putArray("vd");
            for (VdsNcVaccination.Detail detail : event.details()) {
                ObjectNode d = vd.addObject();
                d.put("dvc", detail.date().toString());
                d.put("seq", detail.seq());
                d.put("ctr", detail.country());
                d.put("adm", detail.adm());
                d.put("lot", detail.lot());
            }
        }
        return data;
    }

    /** Reads {@code data.msg}; {@code seq} may be a number or a string, as readers must accept. */
    static VdsNcVaccination message(JsonNode msg) {
        try {
            JsonNode pid = object(msg, "pid");
            List<VdsNcVaccination.Event> events = new ArrayList<>();
            JsonNode ve = msg.get("ve");
            if (ve == null || !ve.isArray()) {
                throw invalid("msg.ve is missing");
            }
            for (JsonNode e : ve) {
                List<VdsNcVaccination.Detail> details = new ArrayList<>();
                JsonNode vd = e.get("vd");
                if (vd == null || !vd.isArray()) {
                    throw invalid("ve.vd is missing");
                }
                for (JsonNode d : vd) {
                    details.add(new VdsNcVaccination.Detail(date(d, "dvc"), seq(d.get("seq")), text(d, "ctr"),
                            text(d, "adm"), text(d, "lot")));
                }
                events.add(new VdsNcVaccination.Event(text(e, "des"), text(e, "nam"), text(e, "dis"), details));
            }
            JsonNode ai = pid.get("ai");
            return new VdsNcVaccination(text(msg, "uvci"), text(pid, "n"), date(pid, "dob"), text(pid, "i"),
                    ai == null || ai.isNull() ? null : ai.asText(), events);
        } catch (CertificateVerificationException e) {
            throw e;
        } catch (ShomeiException e) {
            throw new CertificateVerificationException(e.getMessage().replaceFirst("^[A-Z_]+: ", ""), e);
        }
    }

    private static int seq(JsonNode node) {
        if (node != null && node.canConvertToInt() && node.isIntegralNumber()) {
            return node.intValue();
        }
        if (node != null && node.isTextual() && node.asText().matches("[0-9]{1,2}")) {
            return Integer.parseInt(node.asText());
        }
        throw invalid("vd.seq is not a number");
    }

    private static LocalDate date(JsonNode node, String field) {
        try {
            return LocalDate.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not a date (YYYY-MM-DD)");
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isObject()) {
            throw invalid(field + " is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(field + " is missing");
        }
        return value.asText();
    }

    static CertificateVerificationException invalid(String reason) {
        return new CertificateVerificationException("VDS-NC " + reason);
    }
}
