package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.store.ResidentRepository;
import java.util.regex.Pattern;

/**
 * The ids in a console page's path ({@code /residents/{id}/…}): checked for their form before any
 * query, a malformed one refused as NO_RECORD like a missing one, and the resident an {@code {id}}
 * names, looked up in the signed-in clerk's own municipality only.
 */
final class PathIds {
    private static final Pattern UUID = Pattern.compile("[0-9a-f-]{36}");
    private static final ResidentRepository RESIDENTS = new ResidentRepository();

    private PathIds() {
    }

    /** Whether {@code value} has the form of our ids (a UUID). */
    static boolean wellFormed(String value) {
        return UUID.matcher(value).matches();
    }

    /** The path's {@code parameter}, when it has the form of an id. */
    static String uuid(Exchange x, String parameter) {
        String value = x.pathParameter(parameter);
        if (!wellFormed(value)) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "malformed id");
        }
        return value;
    }

    /** The path's resident id ({@code {id}}). */
    static String residentId(Exchange x) {
        return uuid(x, "id");
    }

    /** The resident the path names, of the clerk's municipality; NO_RECORD if there is none. */
    static Resident resident(ConsoleContext context, Exchange x) {
        MunicipalityCode code = x.actor().municipality();
        String id = residentId(x);
        return context.database().read(tx -> RESIDENTS.findById(tx, context.keyring().cipher(tx, code), id))
                .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
    }
}
