package dev.shomei.record.crypto;

import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * One municipality's field encryption and My Number lookup. Each sealed value is bound (as GCM
 * associated data) to municipality, table, column and row id.
 */
public final class TenantCipher {
    private final MunicipalityCode municipality;
    private final AeadKey dataKey;
    private final SecretKey lookupKey;

    TenantCipher(MunicipalityCode municipality, SecretKey dataKey, SecretKey lookupKey) {
        this.municipality = municipality;
        this.dataKey = new AeadKey(dataKey);
        this.lookupKey = lookupKey;
    }

    public MunicipalityCode municipality() {
        return municipality;
    }

    /** Encrypts a text field; {@code null} stays {@code null}. */
    public byte[] seal(String table, String column, String rowId, String text) {
        if (text == null) {
            return null;
        }
        byte[] plaintext = text.getBytes(StandardCharsets.UTF_8);
        try {
            return dataKey.seal(plaintext, associatedData(table, column, rowId));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Decrypts a text field sealed by {@link #seal}; {@code null} stays {@code null}. */
    public String open(String table, String column, String rowId, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        byte[] plaintext = dataKey.open(sealed, associatedData(table, column, rowId));
        try {
            return new String(plaintext, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The keyed lookup value of a My Number: HMAC-SHA256 under this municipality's lookup key. */
    public byte[] lookupMac(MyNumber number) {
        byte[] digits = number.digits().getBytes(StandardCharsets.US_ASCII);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            mac.update("my_number:".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(digits);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        } finally {
            Arrays.fill(digits, (byte) 0);
        }
    }

    private byte[] associatedData(String table, String column, String rowId) {
        return String.join("\u0000", municipality.value(), table, column, rowId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TenantCipher[" + municipality + "]";
    }
}
