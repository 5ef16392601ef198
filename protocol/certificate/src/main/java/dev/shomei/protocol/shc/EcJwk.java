package dev.shomei.protocol.shc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.CertificateVerificationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;

/**
 * A SMART Health Card issuer key as a JWK: {@code kty:"EC", crv:"P-256", use:"sig", alg:"ES256"},
 * {@code kid} = base64url SHA-256 thumbprint (RFC 7638) of the required members.
 */
public record EcJwk(String kid, ECPublicKey key) {
    private static final ECParameterSpec P256 = p256();

    public EcJwk {
        if (kid == null || key == null) {
            throw new IllegalArgumentException("kid and key are required");
        }
    }

    /** The JWK of a P-256 public key, its {@code kid} derived from the key. */
    public static EcJwk of(PublicKey publicKey) {
        ECPublicKey ec = p256Key(publicKey);
        return new EcJwk(thumbprint(ec), ec);
    }

    /** RFC 7638: SHA-256 over {@code {"crv":"P-256","kty":"EC","x":"..","y":".."}}, base64url. */
    public static String thumbprint(PublicKey publicKey) {
        ECPublicKey ec = p256Key(publicKey);
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x(ec) + "\",\"y\":\"" + y(ec) + "\"}";
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kty", "EC");
        node.put("kid", kid);
        node.put("use", "sig");
        node.put("alg", "ES256");
        node.put("crv", "P-256");
        node.put("x", x(key));
        node.put("y", y(key));
        return node;
    }

    /**
     * Reads one JWK. Only P-256 signing keys are accepted; a {@code kid} that does not match the
     * key's thumbprint is an error (it would let one key pose as another).
     */
    public static EcJwk fromJson(JsonNode node) {
        if (!"EC".equals(text(node, "kty")) || !"P-256".equals(text(node, "crv"))) {
            throw new CertificateVerificationException("JWK is not an EC P-256 key");
        }
        String use = text(node, "use");
        String alg = text(node, "alg");
        if (use != null && !"sig".equals(use) || alg != null && !"ES256".equals(alg)) {
            throw new CertificateVerificationException("JWK is not an ES256 signing key");
        }
        if (node.has("d")) {
            throw new CertificateVerificationException("JWK set contains a private key");
        }
        byte[] x = Base64Url.decode(text(node, "x"), "JWK x");
        byte[] y = Base64Url.decode(text(node, "y"), "JWK y");
        if (x.length != 32 || y.length != 32) {
            throw new CertificateVerificationException("JWK coordinates must be 32 bytes");
        }
        ECPublicKey key = publicKey(new BigInteger(1, x), new BigInteger(1, y));
        String kid = text(node, "kid");
        String expected = thumbprint(key);
        if (kid != null && !kid.equals(expected)) {
            throw new CertificateVerificationException("JWK kid is not the key's thumbprint");
        }
        return new EcJwk(expected, key);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static ECPublicKey publicKey(BigInteger x, BigInteger y) {
        // the JDK KeyFactory does not check the point: an off-curve key invites invalid-curve attacks
        BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger a = P256.getCurve().getA();
        BigInteger b = P256.getCurve().getB();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0
                || !y.modPow(BigInteger.TWO, p).equals(x.pow(3).add(a.multiply(x)).add(b).mod(p))) {
            throw new CertificateVerificationException("JWK is not a valid P-256 point");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
        } catch (GeneralSecurityException e) {
            throw new CertificateVerificationException("JWK is not a valid P-256 point", e);
        }
    }

    private static ECPublicKey p256Key(PublicKey publicKey) {
        if (!(publicKey instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256
                || !ec.getParams().getCurve().equals(P256.getCurve())) {
            throw new IllegalArgumentException("SMART Health Card keys are EC P-256");
        }
        return ec;
    }

    private static String x(ECPublicKey key) {
        return Base64Url.encode(fixed(key.getW().getAffineX()));
    }

    private static String y(ECPublicKey key) {
        return Base64Url.encode(fixed(key.getW().getAffineY()));
    }

    private static byte[] fixed(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable", e);
        }
    }
}
