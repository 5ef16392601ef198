package dev.shomei.protocol.shc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.StrictJson;
import java.util.Optional;

/**
 * The kid and rid of a SMART Health Card JWS, read without verifying anything: an independent reading
 * for tests to compare with what the issuer reports it signed (the issuer never reads them back).
 */
final class UnverifiedJws {
    private UnverifiedJws() {
    }

    static Optional<String> ridOf(String jws) {
        try {
            String[] parts = jws.split("\\.", -1);
            JsonNode payload = StrictJson.parse(RawDeflate.inflate(Base64Url.decode(parts[1], "JWS payload")),
                    "SMART Health Card payload");
            return Optional.ofNullable(payload.path("vc").path("rid").asText(null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> kidOf(String jws) {
        try {
            JsonNode header = StrictJson.parse(Base64Url.decode(jws.substring(0, jws.indexOf('.')), "JWS header"),
                    "JWS header");
            return Optional.ofNullable(header.path("kid").asText(null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
