package dev.shomei.record.move;

import dev.shomei.record.users.TotpSecrets;
import java.util.Arrays;
import java.util.List;

/**
 * The TOTP secrets of a moved municipality's clerk ids on their way to the target: sealed under the
 * source's master key (bound to the id and the key's alias), each is opened there and sealed again
 * under the target's newest master key, and the plain secret is wiped at once. Password hashes travel
 * as they are; the clerks log in at the target with what they had.
 */
final class ClerkTotpReseal implements MunicipalityTables.RowAdjustment {
    private final TotpSecrets source;
    private final TotpSecrets target;

    ClerkTotpReseal(TotpSecrets source, TotpSecrets target) {
        this.source = source;
        this.target = target;
    }

    @Override
    public void adjust(List<String> columns, Object[] row) {
        int id = index(columns, "id");
        int secret = index(columns, "totp_secret_enc");
        int alias = index(columns, "totp_key_alias");
        if (row[secret] == null) {
            return; // not enrolled yet: enrols at the target
        }
        String userId = (String) row[id];
        byte[] plain = source.open(userId, new TotpSecrets.Sealed((byte[]) row[secret], (String) row[alias]));
        try {
            TotpSecrets.Sealed sealed = target.seal(userId, plain);
            row[secret] = sealed.ciphertext();
            row[alias] = sealed.keyAlias();
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static int index(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("clerk_user has no column " + name);
    }
}
