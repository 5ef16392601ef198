package dev.shomei.record.console;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.users.Actor;
import java.time.Clock;

/** Test access to the clerk console's void (package-private there) without a browser. */
public final class ClerkVoids {
    private ClerkVoids() {
    }

    /** Voids as the console's void form does; {@code reason} is a {@link VoidReason} name. Returns the resident id. */
    public static String voidIssuance(RecordStore store, Clock clock, Actor supervisor, String certificateId, String reason) {
        RecordChanges changes = new RecordChanges(store.database(), store.keyring(), VaccineCatalog.standard(),
                new ConsoleAudit(store.database(), store.audit()), clock);
        return changes.voidIssuance(supervisor, certificateId, reason, "");
    }
}
