package dev.shomei.record.console;

/**
 * Why a clerk registered, corrected or removed a record by hand (issue 21). The code goes into the
 * audit log in clear; the optional free-text note beside it never does (it is sealed, see
 * {@link ClerkEntries#note}).
 */
enum ChangeReason {
    /** 入力誤りの訂正. */
    ENTRY_ERROR,
    /** 接種記録の登録漏れ（接種済証・予診票による確認）. */
    MISSING_RECORD,
    /** 本人からの申出. */
    RESIDENT_REQUEST,
    /** 転入. */
    MOVED_IN,
    /** 重複登録. */
    DUPLICATE,
    /** 保存期間の満了. */
    RETENTION_EXPIRED,
    /** その他（備考に記載）. */
    OTHER;

    static ChangeReason parse(String code) {
        try {
            return ChangeReason.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new BadInput("entry.bad.reason");
        }
    }
}
