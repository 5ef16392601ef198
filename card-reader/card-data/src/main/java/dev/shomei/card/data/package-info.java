/**
 * Parsing and verification of the input-assist AP's files (EF 0001..0004): pure Java, no
 * {@code javax.smartcardio}, so the certificate center uses it without a card reader.
 *
 * <p>Every parser is total: any byte string gives a value or a {@link
 * dev.shomei.card.data.CardDataException} (code {@code CARD_DATA_INVALID}), never another exception.
 * No message names a My Number, a name, an address or a byte of card content.
 */
package dev.shomei.card.data;
