package dev.shomei.kiosk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.line.CertificateSummary;

/**
 * The screen snapshot as the browser gets it. Error codes travel with their messages and hints in
 * both languages (the one source of those texts is {@link ErrorCode}).
 */
final class ScreenJson {
    private final ObjectMapper mapper;
    /** Writes the confirm summary records; {@code LocalDate} as {@code YYYY-MM-DD}. */
    private final ObjectMapper summaries;
    /** Tells the browser that the firmware restarted (screen versions start again). */
    private final String boot = Long.toHexString(new java.security.SecureRandom().nextLong());

    ScreenJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.summaries = mapper.copy().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    byte[] toBytes(Screen screen) {
        try {
            return mapper.writeValueAsBytes(toJson(screen));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("screen could not be written", e);
        }
    }

    ObjectNode toJson(Screen screen) {
        ObjectNode json = mapper.createObjectNode();
        json.put("boot", boot);
        json.put("version", screen.version());
        json.put("state", screen.state().name());
        json.put("step", screen.step());
        json.put("steps", SessionState.STEPS);
        json.put("outOfService", screen.outOfService());
        json.put("cancellable", screen.cancellable());
        json.put("busy", screen.state().busy());
        putName(json, "language", screen.language());
        putName(json, "certificateType", screen.certificateType());
        json.put("cardPresent", screen.cardPresent());
        json.put("triesLeft", screen.triesLeft());
        json.put("pinLength", screen.pinLength());
        putError(json, "notice", screen.notice());
        // the nationwide list (1,741 entries) goes to the page only while it is on the chooser
        if (screen.municipalities() == null || screen.state() != SessionState.MUNICIPALITY) {
            json.putNull("municipalities");
        } else {
            ArrayNode list = json.putArray("municipalities");
            screen.municipalities().forEach(m -> list.add(municipality(m)));
        }
        if (screen.municipality() == null) {
            json.putNull("municipality");
        } else {
            json.set("municipality", municipality(screen.municipality()));
        }
        json.put("copies", screen.copies());
        json.put("maxCopies", screen.maxCopies());
        json.put("feeYen", screen.feeYen());
        json.put("insertedYen", screen.insertedYen());
        if (screen.summary() == null) {
            json.putNull("summary");
        } else {
            json.set("summary", summary(screen.summary()));
        }
        putError(json, "error", screen.error());
        json.put("returnedYen", screen.returnedYen());
        json.put("reminders", screen.reminders());
        json.put("secondsLeft", screen.secondsLeft());
        json.put("timedOut", screen.timedOut());
        return json;
    }

    private ObjectNode municipality(Screen.MunicipalityChoice m) {
        ObjectNode json = mapper.createObjectNode();
        json.put("code", m.code());
        json.put("nameJa", m.nameJa());
        json.put("nameEn", m.nameEn());
        json.put("feePerCopyYen", m.feePerCopyYen());
        json.put("selectable", m.selectable());
        putError(json, "reason", m.reason());
        json.put("nameKana", m.nameKana());
        json.put("prefecture", m.prefecture());
        json.put("home", m.home());
        json.put("participating", m.participating());
        return json;
    }

    /**
     * The confirm screen's data: the line's summary records as they are ({@code name, nameLatin,
     * birthDate, doses[{doseNumber, date, productName, manufacturer, lot}], nationality, passportNumber},
     * dates {@code YYYY-MM-DD}; the passport fields empty on a domestic certificate),
     * so a dose field added to {@link dev.shomei.protocol.line.DoseSummary} reaches the screen without
     * a change here; plus each product's English names, which the English screen shows as the English
     * certificate prints them.
     */
    ObjectNode summary(CertificateSummary summary) {
        ObjectNode json = summaries.valueToTree(summary);
        for (var node : json.withArray("doses")) {
            ObjectNode dose = (ObjectNode) node;
            VaccineCatalog.standard().all().stream()
                    .filter(p -> p.nameJa().equals(dose.path("productName").asText())).findFirst()
                    .ifPresent(p -> {
                        dose.put("productNameEn", p.nameEn());
                        dose.put("manufacturerEn", p.manufacturerEn());
                    });
        }
        return json;
    }

    private void putError(ObjectNode json, String field, ErrorCode code) {
        if (code == null) {
            json.putNull(field);
            return;
        }
        json.set(field, error(code));
    }

    ObjectNode error(ErrorCode code) {
        ObjectNode error = mapper.createObjectNode();
        error.put("code", code.name());
        error.put("messageJa", code.messageJa());
        error.put("messageEn", code.messageEn());
        error.put("hintJa", code.hintJa());
        error.put("hintEn", code.hintEn());
        return error;
    }

    private static void putName(ObjectNode json, String field, Enum<?> value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value.name());
        }
    }
}
