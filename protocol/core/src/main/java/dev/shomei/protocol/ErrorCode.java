package dev.shomei.protocol;

/**
 * The one set of error codes shared by every module. The kiosk shows {@link #messageJa()} /
 * {@link #messageEn()} and the hint of what to do next; logs and the wire carry only the code.
 *
 * <p>Wire values ({@link #wireValue()}) are stable: never renumber, only append.
 */
public enum ErrorCode {
    PIN_INCORRECT(1,
            "暗証番号が違います。", "The PIN is incorrect.",
            "残りの回数に注意して、もう一度入力してください。", "Check the number of tries left and enter it again."),
    PIN_BLOCKED(2,
            "暗証番号がロックされています。", "The PIN is locked.",
            "お住まいの市区町村の窓口でロックを解除してください。", "Ask your municipal office to unlock it."),
    CARD_REMOVED(3,
            "カードが取り外されました。", "The card was removed.",
            "最初からやり直してください。", "Please start again from the beginning."),
    CARD_UNREADABLE(4,
            "カードを読み取れませんでした。", "The card could not be read.",
            "カードを置き直して、もう一度お試しください。", "Place the card again and retry."),
    CARD_DATA_INVALID(5,
            "カードの情報を確認できませんでした。", "The card data could not be verified.",
            "お住まいの市区町村の窓口にお問い合わせください。", "Please contact your municipal office."),
    MUNICIPALITY_NOT_PARTICIPATING(6,
            "この市区町村はコンビニ交付を行っていません。", "This municipality does not issue certificates at kiosks.",
            "接種を受けた市区町村の窓口にお申し込みください。", "Apply at the office of the municipality where you were vaccinated."),
    OUTSIDE_SERVICE_HOURS(7,
            "ただいまサービス時間外です。", "The service is not available at this time.",
            "サービス時間（6:30〜23:00）内にご利用ください。", "Please come back during service hours (6:30-23:00)."),
    NO_RECORD(8,
            "接種記録が見つかりませんでした。", "No vaccination record was found.",
            "接種を受けた市区町村を確かめてください。", "Check the municipality where you were vaccinated."),
    NO_VACCINATION(9,
            "証明書を発行できる接種記録がありません。", "There is no completed vaccination to certify.",
            "接種を受けた市区町村の窓口にお問い合わせください。", "Please contact the municipality where you were vaccinated."),
    PASSPORT_INFO_MISSING(10,
            "旅券（パスポート）の情報が登録されていません。", "No passport information is registered.",
            "接種時に住民登録があった市区町村の窓口で旅券情報を登録してから、お申し込みください。",
            "Register your passport at the office of the municipality where you were registered when vaccinated, then apply again."),
    RESIDENT_FLAGGED(11,
            "この証明書はここでは発行できません。", "This certificate cannot be issued here.",
            "接種を受けた市区町村の窓口にお問い合わせください。", "Please contact the municipality where you were vaccinated."),
    TERMINAL_DISABLED(12,
            "この端末は現在ご利用になれません。", "This terminal is not available now.",
            "別の端末をご利用ください。", "Please use another terminal."),
    CENTER_UNAVAILABLE(13,
            "証明書交付センターに接続できません。", "The certificate center cannot be reached.",
            "しばらくしてから、もう一度お試しください。", "Please try again later."),
    BACKEND_UNAVAILABLE(14,
            "接種記録システムに接続できません。", "The vaccination record system cannot be reached.",
            "しばらくしてから、もう一度お試しください。", "Please try again later."),
    PRINTER_ERROR(15,
            "印刷できませんでした。", "The certificate could not be printed.",
            "料金は返金されます。店員にお知らせください。", "Your fee will be refunded. Please tell the staff."),
    PAYMENT_ERROR(16,
            "お支払いを完了できませんでした。", "The payment could not be completed.",
            "お金をお受け取りのうえ、店員にお知らせください。", "Take your money back and tell the staff."),
    INTERNAL(17,
            "システムエラーが発生しました。", "A system error occurred.",
            "しばらくしてから、もう一度お試しください。", "Please try again later."),
    PROTOCOL_ERROR(18,
            "通信エラーが発生しました。", "A communication error occurred.",
            "しばらくしてから、もう一度お試しください。", "Please try again later."),
    INVALID_REQUEST(19,
            "入力内容に誤りがあります。", "The request is not valid.",
            "内容を確かめて、もう一度お試しください。", "Check the request and try again."),
    CERTIFICATE_TOO_LARGE(20,
            "接種記録が多いため、ここでは証明書を発行できません。", "There are too many doses to print this certificate here.",
            "市区町村の窓口でお申し込みください。", "Please apply at your municipal office."),
    CARD_USE_LIMITED(21,
            "このカードでの申請が続いたため、しばらくご利用になれません。",
            "This card has been used many times in a short time and cannot be used for now.",
            "1時間ほどたってから、もう一度お試しください。", "Please try again in about an hour."),
    /** The amount a kiosk reports it charged is not the fee recorded for the issuance (never shown to a resident:
     *  outcomes are reported after the resident left; the operator is alerted). */
    FEE_MISMATCH(22,
            "料金が一致しませんでした。", "The fee charged does not match the recorded fee.",
            "店員にお知らせください。", "Please tell the staff."),
    /** The municipality's records are being moved to another record-backend shard (or, misconfigured, two
     *  shards list it): its issuance is stopped until the move completes; the operator is alerted. */
    MUNICIPALITY_MOVING(23,
            "この市区町村の証明書は、ただいま発行を停止しています。", "Certificates of this municipality cannot be issued right now.",
            "しばらくしてから、もう一度お試しください。", "Please try again later.");

    private final int wireValue;
    private final String messageJa;
    private final String messageEn;
    private final String hintJa;
    private final String hintEn;

    ErrorCode(int wireValue, String messageJa, String messageEn, String hintJa, String hintEn) {
        this.wireValue = wireValue;
        this.messageJa = messageJa;
        this.messageEn = messageEn;
        this.hintJa = hintJa;
        this.hintEn = hintEn;
    }

    /** The stable number that goes on the wire. */
    public int wireValue() {
        return wireValue;
    }

    public String messageJa() {
        return messageJa;
    }

    public String messageEn() {
        return messageEn;
    }

    /** What the resident should do next, in Japanese. */
    public String hintJa() {
        return hintJa;
    }

    /** What the resident should do next, in English. */
    public String hintEn() {
        return hintEn;
    }

    public String message(Language language) {
        return language == Language.JA ? messageJa : messageEn;
    }

    public String hint(Language language) {
        return language == Language.JA ? hintJa : hintEn;
    }

    /** The code for a wire value, or {@code null} when the value is unknown. */
    public static ErrorCode fromWire(int value) {
        for (ErrorCode code : values()) {
            if (code.wireValue == value) {
                return code;
            }
        }
        return null;
    }
}
