/**
 * Keys and certificates. In module {@code protocol-keys}: {@link dev.shomei.protocol.pki.KeySource}
 * (where a component's keys and trust anchors come from), {@link dev.shomei.protocol.pki.KeyDirectory}
 * (the {@code state/pki} layout, read as it is, never created), {@link dev.shomei.protocol.pki.TlsIdentity}
 * and {@link dev.shomei.protocol.pki.Pem}. In module {@code dev-pki}, which only {@code ./shomei pki},
 * demo wiring, benchmarks and tests use: {@code DevPki}, which creates that layout.
 */
package dev.shomei.protocol.pki;
