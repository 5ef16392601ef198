package dev.shomei.protocol.cert;

import dev.shomei.protocol.CertificateType;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Certificates and keys for tests (shared through the protocol test-jar). */
public final class CertificateFixtures {
    public static final IssuingAuthority BUNKYO = new IssuingAuthority("131059", "文京区長", "Mayor of Bunkyo City");
    public static final Person YAMADA = new Person("山田", "太郎", LocalDate.of(1980, 1, 1));
    public static final Passport YAMADA_PASSPORT = new Passport("YAMADA", "TARO", "JPN", "TK0000000");
    public static final LocalDate ISSUED = LocalDate.of(2024, 5, 1);

    private static final String[] PRODUCTS = {"comirnaty", "comirnaty", "spikevax", "comirnaty-ba45", "nuvaxovid"};

    private CertificateFixtures() {
    }

    /** {@code count} doses, products and dates fixed; lot numbers {@code FA1234}, {@code FB2345}, ... */
    public static List<Dose> doses(int count) {
        List<Dose> doses = new ArrayList<>();
        VaccineCatalog catalog = VaccineCatalog.standard();
        for (int i = 1; i <= count; i++) {
            VaccineProduct product = catalog.byCode(PRODUCTS[(i - 1) % PRODUCTS.length]).orElseThrow();
            String lot = "F" + (char) ('A' + (i - 1) % 26) + (1234 + 1111 * (i - 1)) % 10000;
            doses.add(new Dose(i, LocalDate.of(2021, 6, 1).plusDays(60L * (i - 1)), product, lot));
        }
        return doses;
    }

    /** {@code count} doses with random (incompressible) lot numbers, for size limits. */
    public static List<Dose> dosesWithRandomLots(int count, long seed) {
        Random random = new Random(seed);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        List<Dose> doses = new ArrayList<>();
        for (Dose dose : doses(count)) {
            StringBuilder lot = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                lot.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            doses.add(new Dose(dose.number(), dose.date(), dose.product(), lot.toString()));
        }
        return doses;
    }

    public static CertificateContent domestic(int doses) {
        return new CertificateContent("JP0000000001", CertificateType.DOMESTIC, YAMADA, null, doses(doses), BUNKYO,
                ISSUED);
    }

    public static CertificateContent overseas(int doses) {
        return new CertificateContent("JP0000000002", CertificateType.OVERSEAS, YAMADA, YAMADA_PASSPORT,
                doses(doses), BUNKYO, ISSUED);
    }

    /** The P-256 key of RFC 6979 appendix A.2.5 (fixed, public: for known-answer tests only). */
    public static KeyPair rfc6979Key() {
        return p256Key("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721",
                "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6",
                "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299");
    }

    public static KeyPair p256Key(String d, String x, String y) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            KeyFactory factory = KeyFactory.getInstance("EC");
            return new KeyPair(
                    factory.generatePublic(new ECPublicKeySpec(
                            new ECPoint(new BigInteger(x, 16), new BigInteger(y, 16)), spec)),
                    factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(d, 16), spec)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
