package dev.shomei.card.data;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The J-LIS CA keys a verifier trusts, looked up by the full 16-byte key id. Built from
 * configuration ({@link Profile}): a production configuration holds the production key only.
 */
public final class TrustedCardKeys {
    /** Which hierarchies to trust. */
    public enum Profile {
        /** J-LIS production ("5000033/001") only: what a real center runs. */
        PRODUCTION,
        /** Production and the JPKI test cards ("6000033/001"): staging with real test cards. */
        TEST,
        /** Production, JPKI test and shomei's dev key that signs virtual cards ("9000033/001"). */
        DEV;

        /** "production" | "test" | "dev", case-insensitive. */
        public static Profile parse(String text) {
            if (text != null) {
                for (Profile p : values()) {
                    if (p.name().equalsIgnoreCase(text.trim())) {
                        return p;
                    }
                }
            }
            throw new IllegalArgumentException("card trust must be production, test or dev");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final KeyId PRODUCTION_KEY_ID = KeyId.parse("5000033/001");
    public static final KeyId JPKI_TEST_KEY_ID = KeyId.parse("6000033/001");

    // Public data from MYNA-CARD.md: the input-assist AP's CA keys, RSA-2048, exponent 65537.
    private static final String PRODUCTION_MODULUS = "D24615F63525E740C87E83ED64787E76D10A1F8652EBE1EA28934D35CE3BF077"
            + "16F5B79E2BCB2AE2B91B4F4C9FFB602497F596D659AF9D0A14B45CDD738EF56249349B8CC7DB32F2D433BD39BCC44F503E"
            + "881D56C149ECD5155C1CE7461FC3AC4F55D0A39CCAAADFAE5B8AFA11CCF91BEDC774023D11CA6EBA99004F81C541A7D6"
            + "7DDED8C724D6E20B10A3DEAAE8C43C137CCD71B263740E8979752DE4D5676329CABCBD7F3A77FC48A6F8E61D399B4AC6"
            + "6684A9FDFC99ECEF900DD6FF7F0FDD39E23D163F8A468C62DBEAE00906DFAD5A89B45CA5B7353DC998A80D3803EDA794"
            + "B55F99F535D1C39A243C8352AD602D926C389D2816C941349EE24E4F41597F";
    private static final String JPKI_TEST_MODULUS = "B1FE36BD147BF41B2011B9156867C4118B05AE47D691CDB4A4467F4949AFDD71"
            + "E28E12B5C61E68F00B639A6CCBCF44798761C7700A81F666C67831433B742A2C1126942601E25371B2B93631067D466F20"
            + "1EAF31393B1BD6A47589FB57B3189735A27A24583FDE2BF26C2A34D8645FE0E6E2FE901612CEF8C740C228289AF6D457"
            + "ACA3B1AA2F9EBB56DA3591C30830B8AFE2A1CA99951E670B9E9C0B40EBDBEC212F9400E5AAF5C2B5107DE34AB6BC6642"
            + "5A86D731A392E81001DEA1CE565981BE158256AE05598A2B8BFB04C1B66EE2008E019FB1B2BA3785E0CA78CA31EA5F09"
            + "B4D550577DBF12A747ABD5E1C450C0750DF965F53EA08BBF12E40A4057C74D";
    private static final byte[] F4 = {0x01, 0x00, 0x01};

    private final Map<KeyId, RSAPublicKey> keys;

    private TrustedCardKeys(Map<KeyId, RSAPublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** The production key only. */
    public static TrustedCardKeys production() {
        return builder().add(PRODUCTION_KEY_ID, productionKey()).build();
    }

    /** Production and the JPKI test hierarchy. */
    public static TrustedCardKeys test() {
        return builder().add(PRODUCTION_KEY_ID, productionKey()).add(JPKI_TEST_KEY_ID, jpkiTestKey()).build();
    }

    /** Production, JPKI test and one dev key (shomei's virtual cards). */
    public static TrustedCardKeys dev(KeyId devKeyId, PublicKey devKey) {
        return builder().add(PRODUCTION_KEY_ID, productionKey()).add(JPKI_TEST_KEY_ID, jpkiTestKey())
                .add(devKeyId, devKey).build();
    }

    /**
     * The keys a profile trusts. {@code devKey} is asked for only by {@link Profile#DEV}, so a
     * production configuration never even loads a dev key.
     */
    public static TrustedCardKeys forProfile(Profile profile, KeyId devKeyId, Supplier<PublicKey> devKey) {
        return switch (profile) {
            case PRODUCTION -> production();
            case TEST -> test();
            case DEV -> dev(devKeyId, devKey.get());
        };
    }

    /** Exactly the keys given (tests and special deployments). */
    public static Builder builder() {
        return new Builder();
    }

    public static RSAPublicKey productionKey() {
        return CvCertificate.rsaKey(F4, new BigInteger(PRODUCTION_MODULUS, 16).toByteArray());
    }

    public static RSAPublicKey jpkiTestKey() {
        return CvCertificate.rsaKey(F4, new BigInteger(JPKI_TEST_MODULUS, 16).toByteArray());
    }

    /** The CA key with exactly this 16-byte id. */
    public Optional<RSAPublicKey> find(KeyId issuer) {
        return Optional.ofNullable(keys.get(issuer));
    }

    public Set<KeyId> keyIds() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "TrustedCardKeys" + keys.keySet();
    }

    /** Collects keys; an id can be added once. */
    public static final class Builder {
        private final Map<KeyId, RSAPublicKey> keys = new LinkedHashMap<>();

        public Builder add(KeyId id, PublicKey key) {
            if (!(key instanceof RSAPublicKey rsa)) {
                throw new IllegalArgumentException("card CA keys are RSA");
            }
            if (keys.putIfAbsent(id, rsa) != null) {
                throw new IllegalArgumentException("key id " + id + " added twice");
            }
            return this;
        }

        public TrustedCardKeys build() {
            return new TrustedCardKeys(keys);
        }
    }
}
