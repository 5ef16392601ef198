package dev.shomei.record.issue;

import dev.shomei.record.domain.MunicipalityCode;
import java.security.SecureRandom;

/**
 * Certificate ids: 12 characters, which is also the VDS-NC {@code uvci} limit. The first five are
 * the issuing municipality's code without its check digit, the other seven are random Crockford
 * base32 (no I, L, O, U: nothing to misread on paper), 35 bits. Unique per municipality by a unique
 * key (a collision is retried), hence unique overall.
 */
public final class CertificateIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_CHARS = 7;

    private final SecureRandom random = new SecureRandom();

    public String next(MunicipalityCode municipality) {
        StringBuilder id = new StringBuilder(12).append(municipality.withoutCheckDigit());
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
