/**
 * The My Number card's input-assist AP (券面事項入力補助AP): its identifiers
 * ({@link dev.shomei.card.myna.InputAssistAp}) and the client that selects it, verifies the PIN
 * and reads EF 0001..0004 ({@link dev.shomei.card.myna.InputAssistApClient}).
 */
package dev.shomei.card.myna;
