package dev.shomei.protocol.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.EcShcSigner;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcSealer;
import dev.shomei.protocol.vds.VdsNcVerifier;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateSignerTest {
    @Test
    void signsWhatEachTypeCarries(@TempDir Path dir) {
        DevPki pki = DevPki.ensure(dir);
        EcShcSigner shcKey = new EcShcSigner(pki.shcIssuerKey());
        CertificateSigner signer = new CertificateSigner(
                new SmartHealthCardIssuer("https://issuer.shomei.example", shcKey),
                new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate()));
        Instant now = Instant.now();

        SignedCertificate domestic = signer.sign(CertificateFixtures.domestic(2), now);
        assertNull(domestic.vdsNc());
        assertEquals(2, new SmartHealthCardVerifier(Jwks.of(shcKey.jwk())).verify(domestic.smartHealthCard())
                .immunizations().size());

        SignedCertificate overseas = signer.sign(CertificateFixtures.overseas(3), now);
        assertNotNull(overseas.smartHealthCard());
        assertEquals(3, new VdsNcVerifier(List.of(pki.vdsCscaCertificate())).verify(overseas.vdsNc())
                .message().events().size());

        CertificateContent variant = new CertificateContent("A1", CertificateType.OVERSEAS,
                new Person("髙橋", "一郎", LocalDate.of(1970, 3, 4), true), CertificateFixtures.YAMADA_PASSPORT,
                CertificateFixtures.doses(1), CertificateFixtures.BUNKYO, CertificateFixtures.ISSUED);
        SignedCertificate none = signer.sign(variant, now);
        assertNull(none.smartHealthCard());
        assertNull(none.vdsNc());
    }
}
