package dev.shomei.protocol.shc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SMART Health Card revocation: the rid each card carries, and the per-key revocation list. */
class RevocationTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant SIGNED = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void ridIsStablePerIssuanceAndDiffersBetweenIssuances() {
        RevocationIds ids = new RevocationIds(SECRET);
        String rid = ids.of("JP0000000001");
        assertEquals(rid, new RevocationIds(SECRET.clone()).of("JP0000000001"), "same secret, same issuance: same rid");
        assertNotEquals(rid, ids.of("JP0000000002"));
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertNotEquals(rid, new RevocationIds(other).of("JP0000000001"), "another key's secret: another rid");
        assertTrue(rid.matches("[A-Za-z0-9_-]{11}"), "8 bytes base64url without padding: " + rid);
        assertTrue(rid.length() <= 24);
    }

    @Test
    void ridRevealsNothingOfTheCertificateOrPerson() {
        String rid = new RevocationIds(SECRET).of("JP0000000001");
        assertFalse(rid.contains("JP"));
        assertFalse(rid.contains("0000000001"));
        assertThrows(IllegalArgumentException.class, () -> new RevocationIds(Arrays.copyOf(SECRET, 16)),
                "a short secret would make rids guessable");
    }

    @Test
    void theSignedCardCarriesTheRidAndNoPersonalDataInIt() {
        EcShcSigner key = new EcShcSigner(CertificateFixtures.rfc6979Key());
        RevocationIds ids = new RevocationIds(SECRET);
        CertificateContent content = CertificateFixtures.domestic(2);
        String jws = new SmartHealthCardIssuer("https://vrs.example.jp", key, ids).issue(content, SIGNED);
        HealthCard card = new SmartHealthCardVerifier(Jwks.of(key.jwk())).verify(jws);
        assertEquals(ids.of(content.certificateId()), card.rid());
        assertFalse(card.rid().contains(content.person().familyName()));
        assertEquals(key.kid(), UnverifiedJws.kidOf(jws).orElseThrow());
        assertEquals(card.rid(), UnverifiedJws.ridOf(jws).orElseThrow());
        HealthCard without = new SmartHealthCardVerifier(Jwks.of(key.jwk()))
                .verify(new SmartHealthCardIssuer("https://vrs.example.jp", key).issue(content, SIGNED));
        assertNull(without.rid());
    }

    @Test
    void theIssuerReportsTheKidAndRidItSignedWith() {
        EcShcSigner key = new EcShcSigner(CertificateFixtures.rfc6979Key());
        CertificateContent content = CertificateFixtures.domestic(2);
        SmartHealthCardIssuer.Card card = new SmartHealthCardIssuer("https://vrs.example.jp", key, new RevocationIds(SECRET))
                .card(content, SIGNED);
        assertEquals(UnverifiedJws.kidOf(card.jws()).orElseThrow(), card.kid());
        assertEquals(UnverifiedJws.ridOf(card.jws()).orElseThrow(), card.rid());
        SmartHealthCardIssuer.Card noRid = new SmartHealthCardIssuer("https://vrs.example.jp", key).card(content, SIGNED);
        assertEquals(key.kid(), noRid.kid());
        assertNull(noRid.rid());
        assertTrue(UnverifiedJws.ridOf(noRid.jws()).isEmpty());
    }

    @Test
    void listRoundTripsInTheSpecificationsFormat() {
        ShcRevocationList list = ShcRevocationList.empty("kid1").plus("AAAAAAAAAAA").plus("BBBBBBBBBBB.1700000000");
        assertEquals("{\"kid\":\"kid1\",\"method\":\"rid\",\"ctr\":2,\"rids\":[\"AAAAAAAAAAA\",\"BBBBBBBBBBB.1700000000\"]}",
                list.toJson());
        assertEquals(list, ShcRevocationList.parse(list.toJson(), "kid1"));
    }

    @Test
    void ctrGoesUpByOneAndTheListOnlyGrows() {
        ShcRevocationList empty = ShcRevocationList.empty("kid1");
        ShcRevocationList one = empty.plus("AAAAAAAAAAA");
        assertEquals(1, one.ctr());
        assertSame(one, one.plus("AAAAAAAAAAA"), "revoking twice changes nothing");
        ShcRevocationList two = one.plus("BBBBBBBBBBB");
        assertEquals(2, two.ctr());
        assertEquals(List.of("AAAAAAAAAAA", "BBBBBBBBBBB"), two.rids());
        two.requireNotOlderThan(one);
        assertThrows(CertificateVerificationException.class, () -> one.requireNotOlderThan(two), "lower ctr");
        ShcRevocationList shrunk = new ShcRevocationList("kid1", 3, List.of("BBBBBBBBBBB"));
        assertThrows(CertificateVerificationException.class, () -> shrunk.requireNotOlderThan(two), "an entry dropped");
    }

    @Test
    void timeSuffixRevokesOnlyCardsSignedBeforeIt() {
        ShcRevocationList list = ShcRevocationList.empty("kid1").plus("AAAAAAAAAAA." + SIGNED.getEpochSecond())
                .plus("BBBBBBBBBBB");
        assertTrue(list.revokes("AAAAAAAAAAA", SIGNED.minusSeconds(1)));
        assertFalse(list.revokes("AAAAAAAAAAA", SIGNED));
        assertTrue(list.revokes("BBBBBBBBBBB", SIGNED.plusSeconds(86400)));
        assertFalse(list.revokes("CCCCCCCCCCC", SIGNED));
        assertFalse(list.revokes(null, SIGNED));
    }

    @Test
    void tamperedOrForeignListsAreRefused() {
        String json = ShcRevocationList.empty("kid1").plus("AAAAAAAAAAA").toJson();
        assertThrows(CertificateVerificationException.class, () -> ShcRevocationList.parse(json, "kid2"));
        assertThrows(CertificateVerificationException.class,
                () -> ShcRevocationList.parse(json.replace("\"rid\"", "\"other\""), "kid1"));
        assertThrows(CertificateVerificationException.class,
                () -> ShcRevocationList.parse(json.replace("AAAAAAAAAAA", "not a rid!"), "kid1"));
        assertThrows(CertificateVerificationException.class,
                () -> ShcRevocationList.parse(json.replace("\"ctr\":1", "\"ctr\":-1"), "kid1"));
    }

    @Test
    void jwksCarriesCrlVersionForKeysWithAList() {
        EcShcSigner key = new EcShcSigner(CertificateFixtures.rfc6979Key());
        Jwks jwks = Jwks.of(key.jwk());
        assertFalse(jwks.toJson().contains("crlVersion"));
        var node = StrictJson.parse(jwks.toJson(java.util.Map.of(key.kid(), 3L)), "jwks").get("keys").get(0);
        assertEquals(3, node.get("crlVersion").asInt());
        assertEquals(key.kid(), Jwks.parse(jwks.toJson(java.util.Map.of(key.kid(), 3L))).keys().getFirst().kid(),
                "crlVersion does not stop the key from being read");
    }
}
