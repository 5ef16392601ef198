package dev.shomei.record.console;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.users.Authenticator;
import dev.shomei.record.users.Enrolment;
import dev.shomei.record.users.UserAdministration;
import java.time.Clock;

/** What the console's pages work with. */
record ConsoleContext(Database database, AuditLog audit, AuditVerifier verifier, TenantKeyring keyring,
                      VaccineCatalog catalog, SessionStore sessions, Authenticator authenticator, Enrolment enrolment,
                      UserAdministration administration, ConsoleSettings settings, Clock clock) {
}
