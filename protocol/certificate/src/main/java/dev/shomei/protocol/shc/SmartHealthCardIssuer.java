package dev.shomei.protocol.shc;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.CertificateContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Issues SMART Health Cards: payload JSON, raw DEFLATE, compact JWS
 * {@code {"zip":"DEF","alg":"ES256","kid":...}} signed by an {@link ShcSigner}. Thread-safe.
 */
public final class SmartHealthCardIssuer {
    private final String issuer;
    private final ShcSigner signer;
    private final RevocationIds revocationIds;

    /**
     * @param issuer the {@code iss}: an https URL without a trailing {@code /}; verifiers fetch
     *               {@code <iss>/.well-known/jwks.json}
     */
    public SmartHealthCardIssuer(String issuer, ShcSigner signer) {
        this(issuer, signer, null);
    }

    /**
     * @param revocationIds derives each card's {@code vc.rid} from its certificate id; {@code null}:
     *                      cards carry no rid and cannot be revoked
     */
    public SmartHealthCardIssuer(String issuer, ShcSigner signer, RevocationIds revocationIds) {
        URI uri;
        try {
            uri = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("issuer must be an https URL", e);
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || issuer.endsWith("/")) {
            throw new IllegalArgumentException("issuer must be an https URL without a trailing '/'");
        }
        this.issuer = issuer;
        this.signer = signer;
        this.revocationIds = revocationIds;
    }

    public String issuer() {
        return issuer;
    }

    public String kid() {
        return signer.kid();
    }

    /** A signed card: its compact JWS, the signing key's kid, and its rid ({@code null} without revocation ids). */
    public record Card(String jws, String kid, String rid) {
    }

    /**
     * Signs the card for {@code content} ({@code nbf} = {@code issuedAt}). A card whose JWS would not
     * fit one QR code (version 22) is refused with {@link ShcTooLargeException}.
     */
    public String issue(CertificateContent content, Instant issuedAt) {
        return card(content, issuedAt).jws();
    }

    /** {@link #issue}, with the kid and rid the card was signed with. */
    public Card card(CertificateContent content, Instant issuedAt) {
        if (!content.hasQrCodes()) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "a certificate with variant kanji has no QR codes");
        }
        String kid = signer.kid();
        String rid = revocationIds == null ? null : revocationIds.of(content.certificateId());
        String header = "{\"zip\":\"DEF\",\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}";
        byte[] payload = RawDeflate.deflate(FhirBundleWriter.payload(issuer, issuedAt, content, rid));
        String signingInput = Base64Url.encode(header.getBytes(StandardCharsets.US_ASCII)) + "."
                + Base64Url.encode(payload);
        byte[] signature = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        if (signature.length != 64) {
            throw new IllegalStateException("ES256 signature must be 64 bytes (raw R||S)");
        }
        String jws = signingInput + "." + Base64Url.encode(signature);
        if (jws.length() > ShcQrText.MAX_JWS_LENGTH) {
            throw new ShcTooLargeException(jws.length(), content.doses().size());
        }
        return new Card(jws, kid, rid);
    }
}
