package dev.shomei.record.console;

/**
 * How the clerk confirmed the person's identity before a window or postal issuance (issue 21). Only
 * the code is stored and audited, never the document's number.
 */
enum IdentityCheck {
    /** マイナンバーカード. */
    MY_NUMBER_CARD,
    /** 旅券. */
    PASSPORT,
    /** 運転免許証. */
    DRIVER_LICENCE,
    /** 在留カード・特別永住者証明書. */
    RESIDENCE_CARD,
    /** 写真のない書類二点（健康保険証と年金手帳など）. */
    TWO_DOCUMENTS,
    /** 郵送請求に同封された本人確認書類の写し（送付先は住民票の住所）. */
    ID_COPY_BY_POST;

    static IdentityCheck parse(String code) {
        try {
            return IdentityCheck.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInput("counter.bad.identity");
        }
    }
}
