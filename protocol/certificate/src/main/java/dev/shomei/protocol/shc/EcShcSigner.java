package dev.shomei.protocol.shc;

import dev.shomei.protocol.cert.RawEcdsa;
import java.security.KeyPair;

/** An {@link ShcSigner} holding an EC P-256 key pair in memory (the key file of the dev PKI or the backend). */
public final class EcShcSigner implements ShcSigner {
    private final EcJwk jwk;
    private final RawEcdsa.Signer signer;

    public EcShcSigner(KeyPair keyPair) {
        this.jwk = EcJwk.of(keyPair.getPublic());
        this.signer = RawEcdsa.signer(keyPair.getPrivate());
        if (!"ES256".equals(signer.algorithm())) {
            throw new IllegalArgumentException("SMART Health Card keys are EC P-256");
        }
    }

    @Override
    public String kid() {
        return jwk.kid();
    }

    /** The public key as published in the JWKS. */
    public EcJwk jwk() {
        return jwk;
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        return signer.sign(signingInput);
    }
}
