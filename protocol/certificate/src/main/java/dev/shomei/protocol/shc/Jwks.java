package dev.shomei.protocol.shc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.StrictJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JWK set {@code {"keys":[...]}}: what an issuer publishes at {@code <iss>/.well-known/jwks.json}. */
public final class Jwks {
    private final Map<String, EcJwk> byKid;

    public Jwks(List<EcJwk> keys) {
        Map<String, EcJwk> map = new LinkedHashMap<>();
        for (EcJwk key : keys) {
            map.put(key.kid(), key);
        }
        this.byKid = map;
    }

    public static Jwks of(EcJwk... keys) {
        return new Jwks(List.of(keys));
    }

    public Optional<EcJwk> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    public List<EcJwk> keys() {
        return List.copyOf(byKid.values());
    }

    /** The set as JSON, keys in the order given. */
    public String toJson() {
        return toJson(Map.of());
    }

    /**
     * The set as JSON; a key with a revocation list carries {@code "crlVersion"}: the list's
     * {@code ctr} (SMART Health Cards, revocation), so that a verifier knows when to fetch it again.
     */
    public String toJson(Map<String, Long> crlVersions) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode keys = root.putArray("keys");
        byKid.values().forEach(key -> {
            ObjectNode node = key.toJson();
            Long version = crlVersions.get(key.kid());
            if (version != null && version > 0) {
                node.put("crlVersion", version);
            }
            keys.add(node);
        });
        try {
            return StrictJson.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JWKS", e);
        }
    }

    /**
     * Parses a JWK set. Keys that are not EC P-256 signing keys are skipped (an issuer may publish
     * others); a set without a usable key is an error.
     */
    public static Jwks parse(String json) {
        JsonNode root = StrictJson.parse(json, "JWKS");
        JsonNode keys = root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new CertificateVerificationException("JWKS has no \"keys\" array");
        }
        Map<String, EcJwk> map = new LinkedHashMap<>();
        CertificateVerificationException firstProblem = null;
        for (JsonNode node : keys) {
            try {
                EcJwk key = EcJwk.fromJson(node);
                map.put(key.kid(), key);
            } catch (CertificateVerificationException e) {
                firstProblem = firstProblem == null ? e : firstProblem;
            }
        }
        if (map.isEmpty()) {
            throw firstProblem != null ? firstProblem : new CertificateVerificationException("JWKS has no keys");
        }
        return new Jwks(List.copyOf(map.values()));
    }
}
