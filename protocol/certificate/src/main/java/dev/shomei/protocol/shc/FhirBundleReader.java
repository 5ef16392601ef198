package dev.shomei.protocol.shc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shomei.protocol.cert.CertificateVerificationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads a verified JWS payload into a {@link HealthCard}; anything malformed is an error. */
final class FhirBundleReader {
    private FhirBundleReader() {
    }

    /** 9999-12-31T23:59:59Z. */
    private static final long LATEST_EPOCH_SECOND = 253_402_300_799L;

    static HealthCard read(JsonNode payload, String kid) {
        String issuer = text(payload, "iss", "iss");
        JsonNode nbf = payload.get("nbf");
        if (nbf == null || !nbf.isNumber()) {
            throw invalid("nbf is missing");
        }
        Instant notBefore = epochSeconds(nbf, "nbf");
        JsonNode vc = object(payload, "vc", "vc");
        JsonNode types = vc.get("type");
        boolean healthCard = false;
        if (types != null && types.isArray()) {
            for (JsonNode type : types) {
                healthCard |= FhirBundleWriter.HEALTH_CARD_TYPE.equals(type.asText());
            }
        }
        if (!healthCard) {
            throw invalid("vc.type does not include " + FhirBundleWriter.HEALTH_CARD_TYPE);
        }
        JsonNode subject = object(vc, "credentialSubject", "vc.credentialSubject");
        JsonNode bundle = object(subject, "fhirBundle", "vc.credentialSubject.fhirBundle");
        if (!"Bundle".equals(bundle.path("resourceType").asText())) {
            throw invalid("fhirBundle is not a Bundle");
        }
        JsonNode entries = bundle.get("entry");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw invalid("fhirBundle has no entries");
        }
        List<HealthCard.Name> names = null;
        LocalDate birthDate = null;
        List<HealthCard.Immunization> immunizations = new ArrayList<>();
        for (JsonNode entry : entries) {
            String fullUrl = entry.path("fullUrl").asText();
            JsonNode resource = object(entry, "resource", "entry resource");
            String type = resource.path("resourceType").asText();
            if ("Patient".equals(type)) {
                if (names != null) {
                    throw invalid("fhirBundle has more than one Patient");
                }
                if (!"resource:0".equals(fullUrl)) {
                    throw invalid("the Patient is not resource:0");
                }
                names = names(resource);
                birthDate = date(text(resource, "birthDate", "Patient.birthDate"), "Patient.birthDate");
            } else if ("Immunization".equals(type)) {
                immunizations.add(immunization(resource));
            }
        }
        if (names == null) {
            throw invalid("fhirBundle has no Patient");
        }
        return new HealthCard(issuer, notBefore, kid, names, birthDate, immunizations, rid(vc));
    }

    /** {@code vc.rid}: base64url, at most 24 characters (SMART Health Cards, revocation). */
    private static String rid(JsonNode vc) {
        JsonNode rid = vc.get("rid");
        if (rid == null) {
            return null;
        }
        if (!rid.isTextual() || !rid.asText().matches("[A-Za-z0-9_-]{1,24}")) {
            throw invalid("vc.rid is not base64url of at most 24 characters");
        }
        return rid.asText();
    }

    private static List<HealthCard.Name> names(JsonNode patient) {
        JsonNode nameArray = patient.get("name");
        if (nameArray == null || !nameArray.isArray() || nameArray.isEmpty()) {
            throw invalid("Patient.name is missing");
        }
        List<HealthCard.Name> names = new ArrayList<>();
        for (JsonNode name : nameArray) {
            List<String> given = new ArrayList<>();
            JsonNode givenArray = name.get("given");
            if (givenArray != null && givenArray.isArray()) {
                givenArray.forEach(node -> given.add(node.asText()));
            }
            names.add(new HealthCard.Name(name.path("family").asText(""), given));
        }
        return names;
    }

    private static HealthCard.Immunization immunization(JsonNode resource) {
        if (!"completed".equals(resource.path("status").asText())) {
            throw invalid("an Immunization is not completed");
        }
        if (!"resource:0".equals(resource.path("patient").path("reference").asText())) {
            throw invalid("an Immunization does not refer to resource:0");
        }
        String cvx = null;
        for (JsonNode coding : resource.path("vaccineCode").path("coding")) {
            if (FhirBundleWriter.CVX_SYSTEM.equals(coding.path("system").asText())) {
                cvx = coding.path("code").asText(null);
            }
        }
        if (cvx == null) {
            throw invalid("an Immunization has no CVX code");
        }
        LocalDate date = date(text(resource, "occurrenceDateTime", "Immunization.occurrenceDateTime"),
                "Immunization.occurrenceDateTime");
        String performer = resource.path("performer").path(0).path("actor").path("display").asText(null);
        return new HealthCard.Immunization(cvx, date, resource.path("lotNumber").asText(null), performer);
    }

    private static LocalDate date(String text, String field) {
        try {
            // FHIR dateTime may carry a time; the date is its first ten characters
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not a date");
        }
    }

    private static JsonNode object(JsonNode node, String field, String name) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw invalid(name + " is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String name) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw invalid(name + " is missing");
        }
        return value.asText();
    }

    /**
     * A JWT time (seconds since 1970) as an Instant. Whole numbers from 0 to the end of year 9999 only:
     * anything else is refused as invalid rather than left to overflow ({@code Instant.ofEpochSecond}
     * throws a DateTimeException past its range, which a fuzzed payload once reached).
     */
    static Instant epochSeconds(JsonNode value, String field) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.asLong() < 0 || value.asLong() > LATEST_EPOCH_SECOND) {
            throw invalid(field + " is not a time between 1970 and 9999");
        }
        return Instant.ofEpochSecond(value.asLong());
    }

    private static CertificateVerificationException invalid(String reason) {
        return new CertificateVerificationException("SMART Health Card: " + reason);
    }
}
