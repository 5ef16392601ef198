package dev.shomei.protocol.cert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The JSON reader and writer for QR payloads: duplicate keys are an error (I-JSON), trailing
 * tokens are an error, nesting and string sizes are capped.
 */
public final class StrictJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32).maxStringLength(65_536).maxNumberLength(64).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    /** Parses a JSON document; {@code what} names it in the error ("SMART Health Card payload"). */
    public static JsonNode parse(byte[] json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new CertificateVerificationException(what + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw new CertificateVerificationException(what + " is not valid JSON", e);
        }
    }

    public static JsonNode parse(String json, String what) {
        return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), what);
    }
}
