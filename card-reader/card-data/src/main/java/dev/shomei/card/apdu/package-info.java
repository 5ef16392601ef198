/**
 * ISO 7816-4 command and response APDUs, status words named after the spec, and the one place
 * where a status word is checked ({@link dev.shomei.card.apdu.StatusWords#check}).
 * No {@code javax.smartcardio} here: the virtual card and the verifier share these types.
 */
package dev.shomei.card.apdu;
