package dev.shomei.protocol.shc;

import dev.shomei.protocol.cert.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a SMART Health Card revocation id ({@code vc.rid}) per issuance: base64url (no padding) of
 * the first 8 bytes of HMAC-SHA-256 under the issuer key's revocation secret, over the certificate id.
 * 11 characters, well within the specification's 24. Without the secret nobody can link a rid to a
 * certificate id, and the certificate id itself is a random issuance number: the rid says nothing
 * about the person. Thread-safe.
 */
public final class RevocationIds {
    /** The smallest secret accepted: a full HMAC-SHA-256 key. */
    public static final int SECRET_BYTES = 32;
    private static final int RID_BYTES = 8;

    private final SecretKeySpec secret;

    public RevocationIds(byte[] secret) {
        if (secret == null || secret.length < SECRET_BYTES) {
            throw new IllegalArgumentException("the revocation-id secret must be at least " + SECRET_BYTES + " bytes");
        }
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The rid of the issuance with {@code certificateId}. */
    public String of(String certificateId) {
        if (certificateId == null || certificateId.isEmpty()) {
            throw new IllegalArgumentException("certificate id is missing");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal(certificateId.getBytes(StandardCharsets.UTF_8));
            String rid = Base64Url.encode(Arrays.copyOf(digest, RID_BYTES));
            Arrays.fill(digest, (byte) 0);
            return rid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
