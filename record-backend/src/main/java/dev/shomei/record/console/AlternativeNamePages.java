package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.importer.NameGlyphs;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The supervisor's page for a resident's former or alternative name (旧姓・別姓・別名), printed beside
 * the name on the certificate: set, change or remove it. A name character no certificate font has
 * is refused as at import; the previous value goes into the audit entry sealed, like every change.
 */
final class AlternativeNamePages {
    private static final Pattern ROMAN = Pattern.compile("[A-Z]+(?:[ -][A-Z]+)*");

    private final ConsoleContext context;
    private final ConsoleAudit audit;
    private final NameGlyphs glyphs;
    private final ResidentRepository residents = new ResidentRepository();
    private final AlternativeNameRepository alternativeNames = new AlternativeNameRepository();

    AlternativeNamePages(ConsoleContext context, ConsoleAudit audit, NameGlyphs glyphs) {
        this.context = context;
        this.audit = audit;
        this.glyphs = glyphs;
    }

    void register(ConsoleRouter router) {
        router.get("/residents/{id}/alternative-name", Permission.CHANGE_RECORDS, this::page);
        router.post("/residents/{id}/alternative-name", Permission.CHANGE_RECORDS, this::save);
    }

    private void page(Exchange x) {
        String id = PathIds.residentId(x);
        MunicipalityCode code = x.actor().municipality();
        Current current = context.database().read(tx -> {
            TenantCipher tenant = context.keyring().cipher(tx, code);
            Resident r = residents.findById(tx, tenant, id)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
            return new Current(r, alternativeNames.find(tx, tenant, id));
        });
        audit.record(x.actor(), "VIEW_ALTERNATIVE_NAME", "resident", id, "OK", null);
        AlternativeName name = current.name().orElse(null);
        render(x, Status.OK_200, current.resident(), null, name == null ? "" : name.kind().name(),
                name == null ? "" : name.name(), name == null || name.roman() == null ? "" : name.roman());
    }

    private void save(Exchange x) {
        String id = PathIds.residentId(x);
        Form form = x.form();
        try {
            change(x.actor(), id, form.get("kind"), form.get("name").strip(), form.get("roman").strip());
        } catch (BadInput e) {
            Resident r = context.database().read(tx -> residents.findById(tx,
                    context.keyring().cipher(tx, x.actor().municipality()), id))
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
            render(x, Status.BAD_REQUEST_400, r, e.messageKey(), form.get("kind"), form.get("name"), form.get("roman"));
            return;
        }
        x.redirect("/residents/" + id);
    }

    /** Sets the name; an empty name removes it. */
    void change(Actor actor, String residentId, String kindText, String name, String romanText) {
        actor.require(Permission.CHANGE_RECORDS);
        AlternativeName next = null;
        if (!name.isEmpty()) {
            AlternativeName.Kind kind;
            try {
                kind = AlternativeName.Kind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw new BadInput("change.bad.alternativeKind");
            }
            String roman = romanText.isEmpty() ? null : romanText.toUpperCase(Locale.ROOT);
            if (roman != null && !ROMAN.matcher(roman).matches()) {
                throw new BadInput("change.bad.roman");
            }
            if (name.codePointCount(0, name.length()) > 40 || name.codePoints().anyMatch(Character::isISOControl)) {
                throw new BadInput("change.bad.alternativeName");
            }
            if (glyphs.unprintableAt(name) > 0) {
                throw new BadInput("change.bad.unprintable");
            }
            next = new AlternativeName(kind, name, roman);
        }
        AlternativeName after = next;
        MunicipalityCode code = actor.municipality();
        context.database().write(tx -> {
            TenantCipher tenant = context.keyring().cipher(tx, code);
            residents.findById(tx, tenant, residentId)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
            Optional<AlternativeName> before = alternativeNames.find(tx, tenant, residentId);
            alternativeNames.replace(tx, tenant, residentId, after);
            Map<String, String> previous = new LinkedHashMap<>();
            previous.put("alternativeKind", before.map(n -> n.kind().name()).orElse(null));
            previous.put("alternativeName", before.map(AlternativeName::name).orElse(null));
            previous.put("alternativeRoman", before.map(AlternativeName::roman).orElse(null));
            audit.append(tx, actor, "SET_ALTERNATIVE_NAME", "resident", residentId, "OK",
                    PreviousValues.seal(tenant, residentId, previous));
            return null;
        });
    }

    private void render(Exchange x, Status status, Resident r, String problem, String kind, String name, String roman) {
        x.html(status, Layout.page(x, x.t("change.alternativeTitle", r.atenaNumber()), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            html.open("form", "method", "post", "action", "/residents/" + r.id() + "/alternative-name");
            Layout.csrf(html, x);
            List<String> options = new ArrayList<>();
            for (AlternativeName.Kind each : AlternativeName.Kind.values()) {
                options.add(each.name());
                options.add(each.labelJa() + " / " + each.labelEn());
            }
            Layout.select(html, "kind", x.t("field.alternativeKind"), kind, options.toArray(String[]::new));
            Layout.field(html, "name", x.t("field.alternativeName"), "text", name, "maxlength", "64");
            Layout.field(html, "roman", x.t("field.alternativeRoman"), "text", roman, "maxlength", "64");
            html.element("p", x.t("change.alternativeHelp"), "class", "help");
            html.element("p", x.t("change.auditNotice"), "class", "help");
            html.element("button", x.t("change.save"), "type", "submit");
            html.close("form");
            html.open("p").element("a", x.t("change.cancel"), "href", "/residents/" + r.id()).close("p");
        }));
    }

    private record Current(Resident resident, Optional<AlternativeName> name) {
    }
}
