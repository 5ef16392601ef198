package dev.shomei.protocol.vds;

import java.security.cert.X509Certificate;

/** A verified VDS-NC seal: who signed it and what it says. */
public record VdsNcSeal(String issuingCountry, VdsNcVaccination message, X509Certificate signer, String algorithm) {
    @Override
    public String toString() {
        return "VdsNcSeal[is=" + issuingCountry + ", signer=" + signer.getSubjectX500Principal().getName() + "]";
    }
}
