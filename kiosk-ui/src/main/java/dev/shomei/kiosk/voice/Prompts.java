package dev.shomei.kiosk.voice;

import dev.shomei.kiosk.session.Screen;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kiosk says on each screen, in Japanese (kana readings) and English. Only fixed sentences
 * and non-personal numbers: the confirm screen says how many doses and the fee, never the name or
 * the birth date, not even to the headphones (a passer-by may hear a headphone's leak; the resident
 * reads the name on screen). {@code reading} (headphone mode) adds what the screen shows and how to
 * answer, for a resident who cannot read it.
 */
final class Prompts {
    private Prompts() {
    }

    static List<Prompt> of(Screen s, boolean reading) {
        List<Prompt> out = new ArrayList<>();
        Language lang = s.language() == Language.EN ? Language.EN : Language.JA;
        boolean en = lang == Language.EN;
        switch (s.state()) {
            case IDLE -> {
                if (s.outOfService()) {
                    out.add(new Prompt(Language.JA, "ただいま きゅうしちゅうです。 べつの たんまつを ごりようください。"));
                    out.add(new Prompt(Language.EN, "This terminal is out of service. Please use another terminal."));
                    return out;
                }
                if (s.timedOut()) {
                    out.add(en ? new Prompt(lang, "The time ran out, so the kiosk stopped. Nothing was charged.")
                            : new Prompt(lang, "じかんが すぎたため、 ちゅうししました。 りょうきんは かかっていません。"));
                }
                reminders(s, lang, out);
                if (out.isEmpty() || reading) {
                    out.add(new Prompt(Language.JA, "がめんに タッチして はじめてください。"));
                    out.add(new Prompt(Language.EN, "Touch the screen to start."));
                }
            }
            case SERVICE -> {
                out.add(new Prompt(Language.JA, "ごりようの サービスを えらんでください。"));
                out.add(new Prompt(Language.EN, "Choose a service."));
            }
            case LANGUAGE -> {
                out.add(new Prompt(Language.JA, "げんごを えらんでください。"));
                out.add(new Prompt(Language.EN, "Choose your language."));
            }
            case CERTIFICATE_TYPE -> out.add(say(en, "しょうめいしょの しゅるいを えらんでください。"
                    + (reading ? " ひだりは にほん こくないよう、 みぎは かいがいよう です。" : ""),
                    "Choose the type of certificate." + (reading ? " Left: for use in Japan. Right: for travel abroad." : "")));
            case PLACE_CARD -> out.add(say(en, "マイナンバーカードを カードリーダーに おいてください。",
                    "Place your My Number Card on the card reader."));
            case CHECKING_CARD -> out.add(say(en, "カードを かくにんしています。 おまちください。",
                    "Checking your card. Please wait."));
            case PIN -> {
                if (s.notice() == ErrorCode.PIN_INCORRECT) {
                    out.add(say(en, "あんしょうばんごうが ちがいます。", "The PIN is not correct."));
                }
                out.add(say(en, "あんしょうばんごう、 すうじ よんけたを にゅうりょくしてください。",
                        "Enter your 4-digit PIN."));
                if (s.triesLeft() > 0) {
                    out.add(say(en, "のこりの かいすうは " + KanaNumber.of(s.triesLeft()) + "かい です。",
                            "Tries left: " + s.triesLeft() + "."));
                }
                if (reading) {
                    out.add(say(en, "すうじの キーで いれて、 さいごに かくていを おしてください。",
                            "Use the number keys, then press OK."));
                }
            }
            case READING -> out.add(say(en, "カードを よみとっています。 カードを うごかさないでください。",
                    "Reading your card. Please do not move it."));
            case REMOVE_CARD -> out.add(say(en, "カードを おとりください。", "Please take your card."));
            case MUNICIPALITY -> out.add(say(en, "せっしゅの ときに じゅうみん とうろくが あった しくちょうそんを えらんでください。",
                    "Choose the municipality where you were registered when vaccinated."));
            case COPIES -> out.add(say(en, "ぶすうを えらんでください。", "How many copies?"));
            case REQUESTING -> out.add(say(en, "しょうめいしょを じゅんびしています。 しばらく おまちください。",
                    "Preparing your certificate. Please wait."));
            case CONFIRM -> {
                out.add(say(en, "ないようを かくにんしてください。", "Please check the details."));
                if (reading && s.summary() != null) {
                    int doses = s.summary().doses().size();
                    out.add(say(en, "せっしゅは " + KanaNumber.of(doses) + "かいぶん、 " + KanaNumber.of(s.copies())
                                    + "つう、 りょうきんは " + KanaNumber.of(s.feeYen()) + "えん です。",
                            doses + " doses, " + s.copies() + (s.copies() == 1 ? " copy" : " copies")
                                    + ", fee " + s.feeYen() + " yen."));
                }
            }
            case PAYMENT -> out.add(say(en, "りょうきん " + KanaNumber.of(s.feeYen()) + "えんを いれてください。",
                    "Please insert " + s.feeYen() + " yen."));
            case PRINTING -> {
                out.add(say(en, "しょうめいしょを いんさつしています。", "Printing your certificate."));
                reminders(s, lang, out);
            }
            case TAKE_CERTIFICATE -> out.add(say(en,
                    "しょうめいしょを おとりください。 カード、 しょうめいしょ、 おつりの おとりわすれに ごちゅういください。",
                    "Please take your certificate. Do not forget your card, your certificate and your change."));
            case REFUSED -> {
                out.add(refusal(s.error(), lang));
                reminders(s, lang, out);
            }
        }
        return out;
    }

    /** The countdown before a timeout. */
    static Prompt countdown(Screen s) {
        boolean en = s.language() == Language.EN;
        return say(en, "あと " + KanaNumber.of(Math.max(0, s.secondsLeft())) + "びょうで ちゅうしします。"
                        + " つづけるときは、 じかんを のばす を おしてください。",
                "The kiosk will stop in " + s.secondsLeft() + " seconds. Press More time to continue.");
    }

    private static void reminders(Screen s, Language lang, List<Prompt> out) {
        boolean en = lang == Language.EN;
        if (s.returnedYen() > 0) {
            out.add(say(en, "へんきゃくぐちから " + KanaNumber.of(s.returnedYen()) + "えんを おとりください。",
                    "Please take " + s.returnedYen() + " yen from the coin return."));
        }
        if (s.cardPresent() && (s.state() == dev.shomei.kiosk.session.SessionState.IDLE
                || s.state() == dev.shomei.kiosk.session.SessionState.REFUSED)) {
            out.add(say(en, "カードを おとりください。", "Please take your card."));
        }
    }

    /** A refusal in plain words: what happened and what to do. */
    static Prompt refusal(ErrorCode code, Language lang) {
        if (lang == Language.EN) {
            return new Prompt(lang, code == null ? "" : code.messageEn() + " " + code.hintEn());
        }
        String kana = code == null ? "" : switch (code) {
            case PIN_BLOCKED -> "あんしょうばんごうが ロックされています。 しくちょうそんの まどぐちで かいじょしてください。";
            case CARD_REMOVED -> "カードが とりだされました。 はじめから やりなおしてください。";
            case CARD_UNREADABLE, CARD_DATA_INVALID -> "カードを よみとれませんでした。 しくちょうそんの まどぐちに おといあわせください。";
            case MUNICIPALITY_NOT_PARTICIPATING -> "この しくちょうそんは コンビニ こうふを おこなっていません。 しくちょうそんの まどぐちで しんせいしてください。";
            case OUTSIDE_SERVICE_HOURS -> "いまは サービス じかんがいです。 じかんないに もういちど ごりようください。";
            case NO_RECORD, NO_VACCINATION -> "せっしゅの きろくが みつかりません。 しくちょうそんの まどぐちに おといあわせください。";
            case PASSPORT_INFO_MISSING -> "りょけんの じょうほうが とうろくされていません。 せっしゅを うけた しくちょうそんの まどぐちで とうろくしてください。";
            case PRINTER_ERROR -> "いんさつ できませんでした。 りょうきんは おかえし しました。 てんいんに おしらせください。";
            case PAYMENT_ERROR -> "おしはらいを うけつけられませんでした。 てんいんに おしらせください。";
            default -> "もうしわけ ありません。 いま ごりよう いただけません。 しばらくして もういちど おためしください。";
        };
        return new Prompt(lang, kana);
    }

    private static Prompt say(boolean en, String kana, String english) {
        return en ? new Prompt(Language.EN, english) : new Prompt(Language.JA, kana);
    }
}
