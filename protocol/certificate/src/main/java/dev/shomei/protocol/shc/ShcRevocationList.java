package dev.shomei.protocol.shc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.StrictJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SMART Health Card revocation list (CRL) of one issuer key, as published at
 * {@code <iss>/.well-known/crl/<kid>.json}: {@code {"kid":..,"method":"rid","ctr":N,"rids":[..]}}.
 * {@code ctr} goes up by one with every change and the list only grows. An entry is a rid, or
 * {@code <rid>.<epoch-seconds>}: then only cards whose {@code nbf} is before that time are revoked.
 *
 * <p>Not signed: the specification publishes it over the issuer's https origin; a verifier that
 * mirrors it keeps the highest {@code ctr} it has seen and refuses to go back ({@link #requireNotOlderThan}).
 */
public record ShcRevocationList(String kid, long ctr, List<String> rids) {
    public static final String METHOD = "rid";
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_-]{1,24})(?:\\.([0-9]{1,12}))?");
    private static final int MAX_BYTES = 4 << 20;

    public ShcRevocationList {
        if (kid == null || kid.isEmpty() || ctr < 0) {
            throw new IllegalArgumentException("a revocation list needs a kid and a ctr >= 0");
        }
        rids = List.copyOf(new LinkedHashSet<>(rids));
        for (String rid : rids) {
            if (!ENTRY.matcher(rid).matches()) {
                throw new IllegalArgumentException("revocation list entry is not a rid");
            }
        }
    }

    /** An empty list (ctr 0) of a key that never revoked anything. */
    public static ShcRevocationList empty(String kid) {
        return new ShcRevocationList(kid, 0, List.of());
    }

    /** This list with {@code rid} added and {@code ctr} one higher; the same list when it is there already. */
    public ShcRevocationList plus(String rid) {
        if (rids.contains(rid)) {
            return this;
        }
        List<String> grown = new ArrayList<>(rids);
        grown.add(rid);
        return new ShcRevocationList(kid, ctr + 1, grown);
    }

    /** Whether a card with this rid, signed (nbf) at {@code notBefore}, is revoked. */
    public boolean revokes(String rid, Instant notBefore) {
        if (rid == null) {
            return false;
        }
        for (String entry : rids) {
            Matcher matcher = ENTRY.matcher(entry);
            if (!matcher.matches() || !matcher.group(1).equals(rid)) {
                continue;
            }
            if (matcher.group(2) == null || notBefore.getEpochSecond() < Long.parseLong(matcher.group(2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a list older than one seen before: a lower {@code ctr}, or one that dropped an entry
     * (lists only grow). How a mirror stops a replayed old list from un-revoking a card.
     */
    public void requireNotOlderThan(ShcRevocationList previous) {
        if (previous == null) {
            return;
        }
        if (!previous.kid.equals(kid)) {
            throw new CertificateVerificationException("revocation list is for another key");
        }
        if (ctr < previous.ctr || !rids.containsAll(previous.rids)) {
            throw new CertificateVerificationException("revocation list is older than the one seen before");
        }
    }

    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("kid", kid);
        root.put("method", METHOD);
        root.put("ctr", ctr);
        ArrayNode list = root.putArray("rids");
        rids.forEach(list::add);
        try {
            return StrictJson.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the revocation list", e);
        }
    }

    /** Parses a list; {@code expectedKid} (the key the card names) must be the list's {@code kid}. */
    public static ShcRevocationList parse(String json, String expectedKid) {
        if (json == null || json.length() > MAX_BYTES) {
            throw new CertificateVerificationException("revocation list is missing or too long");
        }
        JsonNode root = StrictJson.parse(json, "revocation list");
        String kid = root.path("kid").asText("");
        if (expectedKid != null && !expectedKid.equals(kid)) {
            throw new CertificateVerificationException("revocation list is for another key");
        }
        if (!METHOD.equals(root.path("method").asText())) {
            throw new CertificateVerificationException("revocation list method is not \"rid\"");
        }
        JsonNode ctr = root.get("ctr");
        if (ctr == null || !ctr.isIntegralNumber() || ctr.asLong() < 0) {
            throw new CertificateVerificationException("revocation list ctr is not a number");
        }
        JsonNode rids = root.get("rids");
        if (rids == null || !rids.isArray()) {
            throw new CertificateVerificationException("revocation list has no \"rids\" array");
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode rid : rids) {
            if (!rid.isTextual() || !ENTRY.matcher(rid.asText()).matches()) {
                throw new CertificateVerificationException("revocation list entry is not a rid");
            }
            entries.add(rid.asText());
        }
        return new ShcRevocationList(kid, ctr.asLong(), entries);
    }
}
