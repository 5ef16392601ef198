/**
 * How APDUs reach a card: one narrow interface ({@link dev.shomei.card.transport.CardTransport}),
 * the PC/SC implementation on {@code javax.smartcardio}, and wrappers (tracing) around it.
 * A transport, like a card channel, is not thread-safe: one thread owns a reader.
 */
package dev.shomei.card.transport;
