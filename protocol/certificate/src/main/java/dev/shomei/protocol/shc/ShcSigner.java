package dev.shomei.protocol.shc;

/**
 * The issuer's signing key, behind an interface so the key can live in a file in development and in
 * an HSM or key store in production, and so the backend can rotate keys (a new signer, a new kid;
 * the old public key stays in the JWKS).
 */
public interface ShcSigner {
    /** The key id: base64url SHA-256 JWK thumbprint of the public key (RFC 7638). */
    String kid();

    /** Signs the JWS signing input with ES256 and returns the raw 64-byte {@code R || S}. */
    byte[] sign(byte[] signingInput);
}
