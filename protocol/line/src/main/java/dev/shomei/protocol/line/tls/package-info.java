/**
 * TLS for the line: TLS 1.3 only, mutual authentication, and trust in exactly one configured CA
 * (the dev root CA in development). Never an insecure trust manager, in tests either. A peer's
 * identity is the CN of its certificate; for a kiosk that is its terminal id.
 */
package dev.shomei.protocol.line.tls;
