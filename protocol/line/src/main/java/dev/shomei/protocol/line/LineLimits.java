package dev.shomei.protocol.line;

import dev.shomei.protocol.ServiceRules;

/**
 * Every size and range limit of the line messages, in one place. Lengths of text are UTF-8 bytes
 * on the wire. The records enforce them when built; the decoder enforces them before it allocates.
 */
public final class LineLimits {
    /** Terminal id: 1..64 ASCII letters, digits, '.', '_' or '-' (also the CN of its certificate). */
    public static final int TERMINAL_ID_MAX_BYTES = 64;
    /** Firmware version: 1..32 printable ASCII characters. */
    public static final int FIRMWARE_VERSION_MAX_BYTES = 32;
    /** Transaction id: 1..64 ASCII letters, digits, '.', '_' or '-' (a UUID fits). */
    public static final int TRANSACTION_ID_MAX_BYTES = 64;
    /** Certificate id: 1..64 ASCII letters, digits, '.', '_' or '-'. */
    public static final int CERTIFICATE_ID_MAX_BYTES = 64;
    /** Local government code: exactly 6 ASCII digits (5 digits + check digit). */
    public static final int MUNICIPALITY_CODE_LENGTH = 6;
    /** Municipality name, Japanese or English. */
    public static final int MUNICIPALITY_NAME_MAX_BYTES = 192;
    /** How many municipalities one list may hold (about 1,700 exist). */
    public static final int MUNICIPALITIES_MAX = 4096;
    /** Fee per copy, yen. */
    public static final int FEE_PER_COPY_MAX_YEN = 100_000;
    /** Copies of a certificate in one issuance (the service's rule, {@link ServiceRules#COPIES_MAX}). */
    public static final int COPIES_MAX = ServiceRules.COPIES_MAX;
    /** One card file (EF 0001..0004) as read from the card; the real ones are 17..568 bytes. */
    public static final int CARD_FILE_MAX_BYTES = 4096;
    /** The certificate PDF; keeps every issue response inside the 8 MiB frame limit. */
    public static final int PDF_MAX_BYTES = 7 * 1024 * 1024;
    /** Total fee of one issuance, yen. */
    public static final int TOTAL_FEE_MAX_YEN = COPIES_MAX * FEE_PER_COPY_MAX_YEN;
    /** Pages of the PDF. */
    public static final int PAGES_MAX = 1000;
    /** The holder's name as printed (kanji, or Roman letters for overseas). */
    public static final int NAME_MAX_BYTES = 300;
    /** Doses on one certificate. */
    public static final int DOSES_MAX = 20;
    /** Dose number (the "seq" of the certificate). */
    public static final int DOSE_NUMBER_MAX = 99;
    /** Vaccine product name or manufacturer name. */
    public static final int PRODUCT_TEXT_MAX_BYTES = 192;
    /** Lot number. */
    public static final int LOT_MAX_BYTES = 40;
    /** Nationality on the confirm screen: ISO 3166-1 alpha-3, or empty for a domestic certificate. */
    public static final int NATIONALITY_MAX_BYTES = 3;
    /** Passport number on the confirm screen (the VDS-NC's limit), or empty for a domestic certificate. */
    public static final int PASSPORT_NUMBER_MAX_BYTES = 11;
    /** Heartbeat counters are unsigned 32-bit on the wire. */
    public static final long COUNTER_MAX = 0xFFFF_FFFFL;

    private LineLimits() {
    }
}
