package dev.shomei.protocol.cert;

import java.util.regex.Pattern;

/**
 * A vaccine product as the certificate names it, with the codes each QR format needs.
 *
 * @param code           our stable key, e.g. {@code comirnaty} (what the record backend stores)
 * @param nameJa         the printed Japanese product label, e.g. {@code コミナティ}
 * @param manufacturerJa the printed Japanese manufacturer, e.g. {@code ファイザー社}
 * @param nameEn         the printed English product name, e.g. {@code COMIRNATY}
 * @param manufacturerEn the printed English manufacturer, e.g. {@code Pfizer}
 * @param cvx            the CDC CVX code for the SMART Health Card, e.g. {@code 208}
 * @param icd11          the ICD-11 vaccine type for the VDS-NC {@code des}, e.g. {@code XM0GQ8}
 * @param vdsName        the VDS-NC {@code nam}: upper-case, at most 20 characters
 */
public record VaccineProduct(String code, String nameJa, String manufacturerJa, String nameEn,
                             String manufacturerEn, String cvx, String icd11, String vdsName) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern CVX = Pattern.compile("[0-9]{1,4}");
    private static final Pattern ICD11 = Pattern.compile("[A-Z0-9.]{1,6}");
    private static final Pattern VDS_NAME = Pattern.compile("[A-Z0-9][A-Z0-9 .()/-]{0,19}");

    public VaccineProduct {
        Fields.matching("vaccine code", code, CODE, "lower-case letters, digits and '-'");
        Fields.text("vaccine nameJa", nameJa, 40);
        Fields.text("vaccine manufacturerJa", manufacturerJa, 40);
        Fields.text("vaccine nameEn", nameEn, 40);
        Fields.text("vaccine manufacturerEn", manufacturerEn, 40);
        Fields.matching("vaccine cvx", cvx, CVX, "a CVX code (digits)");
        Fields.matching("vaccine icd11", icd11, ICD11, "an ICD-11 code of at most 6 characters");
        Fields.matching("vaccine vdsName", vdsName, VDS_NAME, "at most 20 upper-case characters");
    }
}
