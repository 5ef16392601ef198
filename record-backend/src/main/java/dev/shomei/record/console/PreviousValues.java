package dev.shomei.record.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.record.crypto.TenantCipher;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The previous values of a change, for the audit log's {@code detail}: personal and health data, so
 * sealed (AES-GCM under the municipality's data key, bound to the changed record) and written as
 * {@code previous=sealed:<base64url>}. Only that municipality can open them again.
 */
final class PreviousValues {
    static final String PREFIX = "previous=sealed:";
    /** Any sealed value in a detail ({@code previous=sealed:...}, {@code note=sealed:...}). */
    private static final String SEALED = "=sealed:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "audit_log";
    private static final String COLUMN = "previous";

    private PreviousValues() {
    }

    static String seal(TenantCipher tenant, String targetId, Map<String, String> values) {
        try {
            byte[] sealed = tenant.seal(TABLE, COLUMN, targetId, JSON.writeValueAsString(new LinkedHashMap<>(values)));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write previous values", e);
        }
    }

    /** The previous values in an audit detail, if it carries any. */
    static Optional<Map<String, String>> open(TenantCipher tenant, String targetId, String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        int at = detail.indexOf(SEALED);
        if (at < 0) {
            return Optional.empty();
        }
        String encoded = detail.substring(at + SEALED.length()).split(" ", 2)[0];
        try {
            String json = tenant.open(TABLE, COLUMN, targetId, Base64.getUrlDecoder().decode(encoded));
            return Optional.of(JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { }));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The detail without the sealed part (what the audit page shows). */
    static String withoutSealed(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.replaceAll("([a-z]+)=sealed:[A-Za-z0-9_-]+", "$1=(sealed)").strip();
    }
}
