/**
 * Signing a certificate's QR payloads in one call: the SMART Health Card always, the VDS-NC seal for
 * overseas certificates. A sibling of {@code shc} and {@code vds} (not under {@code cert}), so that
 * {@code cert} stays below both formats and no package depends on one that depends back on it.
 */
package dev.shomei.protocol.sign;
