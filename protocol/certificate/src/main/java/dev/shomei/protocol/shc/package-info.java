/**
 * SMART Health Cards (spec 1.4): the minified FHIR bundle, raw DEFLATE, the compact JWS signed with
 * ES256 (raw R||S, {@code kid} = RFC 7638 thumbprint), the {@code shc:/} numeric QR text, and the
 * reverse: decode, verify against a JWKS, parse.
 *
 * <p>Issuing: {@code new SmartHealthCardIssuer(issuerUrl, new EcShcSigner(keyPair)).issue(content, now)}.
 * Verifying: {@code new SmartHealthCardVerifier(jwks).verify(ShcQrText.decode(qrText))}.
 */
package dev.shomei.protocol.shc;
