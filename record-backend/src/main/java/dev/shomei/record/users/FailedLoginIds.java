package dev.shomei.record.users;

import dev.shomei.record.crypto.MasterKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a refused login records as the actor when the typed id is no user's: a keyed hash
 * (HMAC-SHA256 under the audit key, domain-separated, first 64 bits) instead of the text. A clerk who
 * types a password into the id field must not leave it in the append-only audit chain for good; the
 * same mistyped text still gives the same hash, so repeated guesses of one id stay visible.
 */
final class FailedLoginIds {
    private static final byte[] LABEL = "shomei/failed-login-id\0".getBytes(StandardCharsets.UTF_8);

    private final MasterKeys keys;

    FailedLoginIds(MasterKeys keys) {
        this.keys = keys;
    }

    /** {@code "#"} and 16 hex digits; {@code "(empty)"} for nothing typed. */
    String forAudit(String typed) {
        if (typed == null || typed.isEmpty()) {
            return "(empty)";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.auditKey().getEncoded(), "HmacSHA256"));
            mac.update(LABEL);
            byte[] digest = mac.doFinal(typed.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
