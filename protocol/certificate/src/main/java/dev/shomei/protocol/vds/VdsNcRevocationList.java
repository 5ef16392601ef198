package dev.shomei.protocol.vds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.protocol.cert.CertificateVerificationException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The revoked VDS-NC certificate ids of one issuer. VDS-NC has no revocation field, so shomei
 * publishes this list signed the way a seal is signed ({@link VdsNcSealer#sign}, verified by
 * {@link VdsNcVerifier#verifySigned}):
 * {@code {"data":{"ctr":N,"issued":"<ISO-8601 instant>","revoked":["<uvci>",..]},"sig":{"alg","cer","sigvl"}}}.
 * {@code ctr} goes up by one with every change and the list only grows.
 */
public record VdsNcRevocationList(long ctr, Instant issued, List<String> revoked) {
    private static final Pattern UVCI = Pattern.compile("[A-Z0-9]{1,12}");

    public VdsNcRevocationList {
        if (ctr < 0 || issued == null) {
            throw new IllegalArgumentException("a revocation list needs ctr >= 0 and an issue time");
        }
        revoked = List.copyOf(new LinkedHashSet<>(revoked));
        for (String uvci : revoked) {
            if (!UVCI.matcher(uvci).matches()) {
                throw new IllegalArgumentException("revoked entry is not a certificate id");
            }
        }
    }

    public boolean revokes(String uvci) {
        return revoked.contains(uvci);
    }

    /** The signed list, in canonical form. */
    public String sign(VdsNcSealer sealer) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("ctr", ctr);
        data.put("issued", issued.toString());
        ArrayNode list = data.putArray("revoked");
        revoked.forEach(list::add);
        return sealer.sign(data);
    }

    /** Verifies the list's signature (signer chained to a CSCA {@code verifier} trusts) and reads it. */
    public static VdsNcRevocationList verify(String json, VdsNcVerifier verifier) {
        JsonNode data = verifier.verifySigned(json, "revocation list").data();
        JsonNode ctr = data.get("ctr");
        if (ctr == null || !ctr.isIntegralNumber() || ctr.asLong() < 0) {
            throw VdsNcJson.invalid("revocation list ctr is not a number");
        }
        Instant issued;
        try {
            issued = Instant.parse(data.path("issued").asText(""));
        } catch (DateTimeParseException e) {
            throw VdsNcJson.invalid("revocation list issued is not an ISO-8601 instant");
        }
        JsonNode revoked = data.get("revoked");
        if (revoked == null || !revoked.isArray()) {
            throw VdsNcJson.invalid("revocation list has no \"revoked\" array");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : revoked) {
            if (!id.isTextual() || !UVCI.matcher(id.asText()).matches()) {
                throw VdsNcJson.invalid("revocation list entry is not a certificate id");
            }
            ids.add(id.asText());
        }
        return new VdsNcRevocationList(ctr.asLong(), issued, ids);
    }

    /** Refuses a list older than one seen before (lower ctr, or an entry dropped): a replayed list un-revokes nothing. */
    public void requireNotOlderThan(VdsNcRevocationList previous) {
        if (previous != null && (ctr < previous.ctr || !revoked.containsAll(previous.revoked))) {
            throw new CertificateVerificationException("VDS-NC revocation list is older than the one seen before");
        }
    }
}
