package dev.shomei.protocol.vds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.StrictJson;
import dev.shomei.protocol.pki.DevPki;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed VDS-NC revocation list: signed like a seal, refused when touched, only growing. */
class VdsNcRevocationListTest {
    private static final Instant ISSUED = Instant.parse("2026-12-06T03:00:00Z");
    @TempDir
    static Path dir;
    static VdsNcSealer sealer;
    static VdsNcVerifier verifier;
    static DevPki other;

    @BeforeAll
    static void pki() {
        DevPki pki = DevPki.ensure(dir.resolve("pki"));
        sealer = new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate());
        verifier = new VdsNcVerifier(List.of(pki.vdsCscaCertificate()));
        other = DevPki.ensure(dir.resolve("other"));
    }

    @Test
    void signAndVerifyRoundTrip() {
        VdsNcRevocationList list = new VdsNcRevocationList(2, ISSUED, List.of("JP0000000002", "JP00000000AB"));
        String json = list.sign(sealer);
        assertTrue(json.startsWith("{\"data\":{\"ctr\":2,\"issued\":\"2026-12-06T03:00:00Z\",\"revoked\":"
                + "[\"JP0000000002\",\"JP00000000AB\"]},\"sig\":{\"alg\":\"ES256\",\"cer\":\""), json);
        assertEquals(json, Jcs.canonicalize(json), "written in canonical form like a seal");
        VdsNcRevocationList read = VdsNcRevocationList.verify(json, verifier);
        assertEquals(list, read);
        assertTrue(read.revokes("JP0000000002"));
        assertFalse(read.revokes("JP0000000003"));
    }

    @Test
    void tamperedListIsRefused() {
        String json = new VdsNcRevocationList(1, ISSUED, List.of("JP0000000002")).sign(sealer);
        assertThrows(CertificateVerificationException.class,
                () -> VdsNcRevocationList.verify(json.replace("\"revoked\":[\"JP0000000002\"]", "\"revoked\":[]"), verifier),
                "an entry removed");
        assertThrows(CertificateVerificationException.class,
                () -> VdsNcRevocationList.verify(json.replace("\"ctr\":1", "\"ctr\":9"), verifier));
    }

    @Test
    void listSignedUnderAnotherCscaIsRefused() {
        VdsNcSealer foreign = new VdsNcSealer(other.vdsSigner().privateKey(), other.vdsSigner().certificate());
        String json = new VdsNcRevocationList(1, ISSUED, List.of()).sign(foreign);
        CertificateVerificationException e = assertThrows(CertificateVerificationException.class,
                () -> VdsNcRevocationList.verify(json, verifier));
        assertTrue(e.getMessage().contains("trusted CSCA"), e.getMessage());
    }

    @Test
    void ctrOnlyGoesUpAndTheListOnlyGrows() {
        VdsNcRevocationList one = new VdsNcRevocationList(1, ISSUED, List.of("JP0000000002"));
        VdsNcRevocationList two = new VdsNcRevocationList(2, ISSUED.plusSeconds(60), List.of("JP0000000002", "JP0000000003"));
        two.requireNotOlderThan(one);
        assertThrows(CertificateVerificationException.class, () -> one.requireNotOlderThan(two));
        VdsNcRevocationList dropped = new VdsNcRevocationList(3, ISSUED, List.of("JP0000000003"));
        assertThrows(CertificateVerificationException.class, () -> dropped.requireNotOlderThan(two));
    }

    @Test
    void sealsStillVerifyAfterTheSigningCodeWasShared() {
        String seal = sealer.seal(dev.shomei.protocol.cert.CertificateFixtures.overseas(1));
        assertEquals("JP0000000002", verifier.verify(seal).message().uvci());
        assertThrows(CertificateVerificationException.class,
                () -> verifier.verify(new VdsNcRevocationList(0, ISSUED, List.of()).sign(sealer)),
                "a revocation list is not a seal");
        assertTrue(StrictJson.parse(seal, "seal").has("sig"));
    }
}
