/**
 * The virtual My Number card: the input-assist AP's real behaviour ({@link
 * dev.shomei.card.sim.VirtualCard}), personalised from a JSON card file ({@link
 * dev.shomei.card.sim.VirtualCardFile}) signed by a J-LIS key ({@link dev.shomei.card.sim.CardFactory}),
 * and exposed as a {@code javax.smartcardio} provider ({@link dev.shomei.card.sim.VirtualTerminals})
 * and as a vpcd client behind a real pcscd ({@link dev.shomei.card.sim.VpcdClient}).
 */
package dev.shomei.card.sim;
