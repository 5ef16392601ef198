package dev.shomei.protocol.backend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON mapping of the API records, one configuration for both sides: unknown properties are
 * ignored (newer peers may add some), duplicate keys and trailing data are errors, sizes are capped.
 * The certificate model's records travel as they are: {@code LocalDate} as {@code YYYY-MM-DD},
 * {@code Instant} as ISO-8601 (jsr310 module), a signed certificate flat ({@link SignedCertificateJson}).
 */
public final class BackendJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16).maxStringLength(64 * 1024).maxNumberLength(32).build())
            .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .registerModule(SignedCertificateJson.module());

    private BackendJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /** Reads a body; malformed JSON is {@link ErrorCode#INVALID_REQUEST} (the message never echoes the input). */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new ShomeiException(ErrorCode.INVALID_REQUEST, "empty " + type.getSimpleName());
            }
            return value;
        } catch (IOException e) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "malformed " + type.getSimpleName() + " JSON");
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
