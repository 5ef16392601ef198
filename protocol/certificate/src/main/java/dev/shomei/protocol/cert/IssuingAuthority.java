package dev.shomei.protocol.cert;

import java.util.regex.Pattern;

/**
 * Who issues the certificate: the mayor of the municipality that holds the vaccination record.
 *
 * @param municipalityCode the six-digit local government code (全国地方公共団体コード), e.g. {@code 131059}
 * @param nameJa           e.g. {@code 文京区長}
 * @param nameEn           e.g. {@code Mayor of Bunkyo City}
 */
public record IssuingAuthority(String municipalityCode, String nameJa, String nameEn) {
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    public IssuingAuthority {
        Fields.matching("municipalityCode", municipalityCode, CODE, "six digits");
        Fields.text("authority nameJa", nameJa, 40);
        Fields.text("authority nameEn", nameEn, 60);
    }
}
