package dev.shomei.protocol.shc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.RawEcdsa;
import dev.shomei.protocol.cert.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies a SMART Health Card JWS against trusted issuer keys and parses it. Checks, in order:
 * compact form, header ({@code alg ES256}, {@code zip DEF}, a trusted {@code kid}), the raw
 * signature, the DEFLATE stream, the payload, {@code nbf}/{@code exp} against the clock.
 */
public final class SmartHealthCardVerifier {
    /** Far more than a QR code can carry; longer input is refused before any work. */
    private static final int MAX_JWS_LENGTH = 8192;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Jwks trusted;
    private final Clock clock;

    public SmartHealthCardVerifier(Jwks trusted) {
        this(trusted, Clock.systemUTC());
    }

    public SmartHealthCardVerifier(Jwks trusted, Clock clock) {
        this.trusted = trusted;
        this.clock = clock;
    }

    public HealthCard verify(String jws) {
        if (jws == null || jws.isEmpty() || jws.length() > MAX_JWS_LENGTH) {
            throw new CertificateVerificationException("SMART Health Card JWS is empty or too long");
        }
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            throw new CertificateVerificationException("SMART Health Card is not a compact JWS (three parts)");
        }
        JsonNode header = StrictJson.parse(Base64Url.decode(parts[0], "JWS header"), "JWS header");
        if (!"ES256".equals(header.path("alg").asText())) {
            throw new CertificateVerificationException("JWS alg is not ES256");
        }
        if (!"DEF".equals(header.path("zip").asText())) {
            throw new CertificateVerificationException("JWS payload is not DEFLATE-compressed (zip DEF)");
        }
        String kid = header.path("kid").asText("");
        EcJwk key = trusted.find(kid).orElseThrow(() ->
                new CertificateVerificationException("issuer key " + kid + " is not trusted"));
        byte[] signature = Base64Url.decode(parts[2], "JWS signature");
        if (signature.length != 64) {
            throw new CertificateVerificationException("JWS signature is not 64 bytes (raw R||S)");
        }
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!RawEcdsa.verifier(key.key()).verify(signingInput, signature)) {
            throw new CertificateVerificationException("signature does not verify");
        }
        JsonNode payload = StrictJson.parse(RawDeflate.inflate(Base64Url.decode(parts[1], "JWS payload")),
                "SMART Health Card payload");
        HealthCard card = FhirBundleReader.read(payload, kid);
        Instant now = clock.instant();
        if (card.notBefore().isAfter(now.plus(CLOCK_SKEW))) {
            throw new CertificateVerificationException("SMART Health Card is not valid yet (nbf in the future)");
        }
        JsonNode exp = payload.get("exp");
        if (exp != null && exp.isNumber() && FhirBundleReader.epochSeconds(exp, "exp").isBefore(now.minus(CLOCK_SKEW))) {
            throw new CertificateVerificationException("SMART Health Card has expired");
        }
        return card;
    }
}
