package dev.shomei.record.console;

import dev.shomei.protocol.otp.Base32;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.users.NewUser;
import dev.shomei.record.users.PasswordHasher;
import dev.shomei.record.users.Role;
import dev.shomei.record.users.Scope;
import dev.shomei.record.users.TotpSecrets;
import dev.shomei.record.users.UserAdministration;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a transfer between municipalities needs on top of a {@link ConsoleFixture}: Bunkyo's resident moved to
 * Shinjuku (the same My Number there, dose 1 known already), a Shinjuku resident whose number Bunkyo does not
 * hold, a third municipality (Chiyoda), and supervisors of Shinjuku and Chiyoda.
 */
final class MovedInFixture {
    static final MunicipalityCode C = TestData.CHIYODA;
    static final Map<String, String> SECRETS = Map.of(
            "supervisor-b", "MZXW6YTBOIMZXW6YTBOIMZXW6YTBOIAA",
            "supervisor-c", "NBSWY3DPEB3W64TMMQQHG2LPNYFAAAAA");

    final ConsoleFixture fixture;
    final Resident movedIn = TestData.plain(ConsoleFixture.B, "B-000777", TestData.BIRTH);
    final Resident notHeld = TestData.plain(ConsoleFixture.B, "B-000778", LocalDate.of(1990, 1, 1));
    final MyNumber notHeldInA = TestData.myNumber("60606060606");

    MovedInFixture(ConsoleFixture fixture) {
        this.fixture = fixture;
        fixture.store.ensureMunicipality(BuiltInMunicipalities.find(C).orElseThrow(), "OPERATOR", "test");
        UserAdministration administration = new UserAdministration(fixture.store.database(), fixture.store.audit(),
                new PasswordHasher(new SecureRandom()), new SecureRandom(), fixture.clock);
        TotpSecrets secrets = new TotpSecrets(fixture.store.masterKeys());
        for (var user : Map.of("supervisor-b", Scope.of(ConsoleFixture.B), "supervisor-c", Scope.of(C)).entrySet()) {
            administration.createEnrolled(new NewUser(user.getKey(), user.getKey() + " (test)", Role.SUPERVISOR,
                    user.getValue(), LocalDate.now().plusYears(1), false, null, null),
                    ConsoleFixture.PASSWORD.toCharArray(), Base32.decode(SECRETS.get(user.getKey())), secrets, "test");
        }
        Vaccination firstDose = new Vaccination(Ids.random(), 1, LocalDate.of(2021, 6, 1), "comirnaty", "ファイザー社",
                "KNOWN1", null);
        fixture.store.database().write(tx -> {
            TenantCipher tenant = fixture.store.keyring().cipher(tx, ConsoleFixture.B);
            new ResidentRepository().insert(tx, tenant, movedIn, fixture.myNumberA);
            new VaccinationRepository().insert(tx, tenant, movedIn.id(), firstDose);
            new ResidentRepository().insert(tx, tenant, notHeld, notHeldInA);
            return null;
        });
    }

    /** The TOTP code of any fixture user, these two included. */
    String code(String user) {
        return SECRETS.containsKey(user) ? fixture.code(Base32.decode(SECRETS.get(user))) : fixture.code(user);
    }
}
