/**
 * Where a component's keys and trust anchors come from: {@link dev.shomei.protocol.keys.KeySource},
 * and {@link dev.shomei.protocol.keys.KeyDirectory}, which reads the {@code state/pki} layout without
 * creating anything. Every {@code main} takes its keys from here; only the dev PKI creates them.
 */
package dev.shomei.protocol.keys;
