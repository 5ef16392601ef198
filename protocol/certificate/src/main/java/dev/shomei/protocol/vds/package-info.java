/**
 * ICAO VDS-NC (visible digital seal for non-constrained environments), type {@code icao.vacc}
 * version 1: build the seal from a certificate, sign the RFC 8785 canonical form of {@code data}
 * with the barcode signer, and verify a scanned seal against trusted CSCA certificates.
 *
 * <p>Sealing: {@code new VdsNcSealer(signerKey, signerCertificate).seal(content)}.
 * Verifying: {@code new VdsNcVerifier(List.of(csca)).verify(qrText)}.
 */
package dev.shomei.protocol.vds;
