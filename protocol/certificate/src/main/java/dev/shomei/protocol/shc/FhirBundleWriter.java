package dev.shomei.protocol.shc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes the JWS payload: minified JSON with {@code iss}, {@code nbf} and {@code vc}, whose FHIR
 * bundle holds {@code resource:0} Patient and one Immunization per dose. Minified as the spec asks:
 * no {@code id}, {@code meta}, {@code text} or {@code display}; references are {@code resource:N}.
 */
final class FhirBundleWriter {
    static final String HEALTH_CARD_TYPE = "https://smarthealth.cards#health-card";
    static final String CVX_SYSTEM = "http://hl7.org/fhir/sid/cvx";

    private FhirBundleWriter() {
    }

    static byte[] payload(String issuer, Instant notBefore, CertificateContent content) {
        return payload(issuer, notBefore, content, null);
    }

    /** @param rid the revocation id ({@code vc.rid}), or {@code null} for none */
    static byte[] payload(String issuer, Instant notBefore, CertificateContent content, String rid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = StrictJson.factory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("iss", issuer);
            json.writeNumberField("nbf", notBefore.getEpochSecond());
            json.writeObjectFieldStart("vc");
            json.writeArrayFieldStart("type");
            json.writeString(HEALTH_CARD_TYPE);
            json.writeEndArray();
            if (rid != null) {
                json.writeStringField("rid", rid);
            }
            json.writeObjectFieldStart("credentialSubject");
            json.writeStringField("fhirVersion", "4.0.1");
            json.writeObjectFieldStart("fhirBundle");
            json.writeStringField("resourceType", "Bundle");
            json.writeStringField("type", "collection");
            json.writeArrayFieldStart("entry");
            writePatient(json, content);
            int index = 1;
            for (Dose dose : content.doses()) {
                writeImmunization(json, index++, dose);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SMART Health Card payload", e);
        }
        return out.toByteArray();
    }

    private static void writePatient(JsonGenerator json, CertificateContent content) throws IOException {
        json.writeStartObject();
        json.writeStringField("fullUrl", "resource:0");
        json.writeObjectFieldStart("resource");
        json.writeStringField("resourceType", "Patient");
        json.writeArrayFieldStart("name");
        writeName(json, "usual", content.person().familyName(), content.person().givenName());
        if (content.type() == CertificateType.OVERSEAS) {
            writeName(json, null, content.passport().surname(), content.passport().givenNames());
        }
        json.writeEndArray();
        json.writeStringField("birthDate", content.person().birthDate().toString());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeName(JsonGenerator json, String use, String family, String given) throws IOException {
        json.writeStartObject();
        if (use != null) {
            json.writeStringField("use", use);
        }
        json.writeStringField("family", family);
        json.writeArrayFieldStart("given");
        json.writeString(given);
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeImmunization(JsonGenerator json, int index, Dose dose) throws IOException {
        json.writeStartObject();
        json.writeStringField("fullUrl", "resource:" + index);
        json.writeObjectFieldStart("resource");
        json.writeStringField("resourceType", "Immunization");
        json.writeStringField("status", "completed");
        json.writeObjectFieldStart("vaccineCode");
        json.writeArrayFieldStart("coding");
        json.writeStartObject();
        json.writeStringField("system", CVX_SYSTEM);
        json.writeStringField("code", dose.product().cvx());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("patient");
        json.writeStringField("reference", "resource:0");
        json.writeEndObject();
        json.writeStringField("occurrenceDateTime", dose.date().toString());
        json.writeArrayFieldStart("performer");
        json.writeStartObject();
        json.writeObjectFieldStart("actor");
        json.writeStringField("display", Dose.JAPAN_AUTHORITY);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeStringField("lotNumber", dose.lotNumber());
        json.writeEndObject();
        json.writeEndObject();
    }
}
