package dev.shomei.record.console;

import java.util.ArrayList;
import java.util.List;

/** The reason select (a {@link ChangeReason} code) and the optional note every hand change carries. */
final class ReasonFields {
    private ReasonFields() {
    }

    static void render(Html html, Exchange x, String reason, String note) {
        List<String> options = new ArrayList<>(List.of("", x.t("entry.chooseReason")));
        for (ChangeReason why : ChangeReason.values()) {
            if (why != ChangeReason.RETENTION_EXPIRED) {
                options.add(why.name());
                options.add(x.t("reason." + why.name()));
            }
        }
        Layout.select(html, "reason", x.t("field.changeReason"), reason, options.toArray(String[]::new));
        Layout.field(html, "note", x.t("field.note"), "text", note, "maxlength", "200", "autocomplete", "off");
        html.element("p", x.t("entry.noteNotice"), "class", "help");
    }
}
