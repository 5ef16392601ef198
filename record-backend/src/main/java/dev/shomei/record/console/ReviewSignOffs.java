package dev.shomei.record.console;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.record.db.Database;
import dev.shomei.record.store.ReviewSignOffRepository;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The sign-off of the monthly log review (seed III: 毎月、複数の職員によりアクセス及び操作ログを確認): a
 * month of the actor's audit chain is reviewed when {@value #REQUIRED} different staff have confirmed it
 * with their findings. A month can be signed once it is over; nobody signs the same month twice.
 */
final class ReviewSignOffs {
    static final int REQUIRED = 2;
    static final int FINDINGS_MAX = 1000;

    private final Database database;
    private final ConsoleAudit audit;
    private final Clock clock;
    private final ReviewSignOffRepository repository = new ReviewSignOffRepository();

    ReviewSignOffs(Database database, ConsoleAudit audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    List<ReviewSignOffRepository.SignOff> of(Actor actor, YearMonth month) {
        actor.require(Permission.REVIEW_AUDIT);
        String chain = AuditPages.chainOf(actor);
        return database.read(tx -> repository.list(tx, chain, month));
    }

    /** Records the actor's confirmation of {@code month}; returns how many have signed it now. */
    int signOff(Actor actor, YearMonth month, String findings) {
        actor.require(Permission.REVIEW_AUDIT);
        if (!month.isBefore(currentMonth())) {
            throw new BadInput("signoff.bad.month");
        }
        String text = findings.strip();
        if (text.isEmpty() || text.length() > FINDINGS_MAX
                || text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
            throw new BadInput("signoff.bad.findings");
        }
        String chain = AuditPages.chainOf(actor);
        return database.write(tx -> {
            List<ReviewSignOffRepository.SignOff> before = repository.list(tx, chain, month);
            if (before.stream().anyMatch(s -> s.userId().equals(actor.userId()))) {
                throw new BadInput("signoff.bad.twice");
            }
            repository.add(tx, chain, month, actor.userId(), text, clock.instant());
            int signers = before.size() + 1;
            // the findings are free text: the audit entry says only that and how many signed
            audit.append(tx, actor, "SIGN_OFF_REVIEW", "chain", chain, "OK", "month=" + month + " signers=" + signers);
            return signers;
        });
    }

    /** Whether the previous month of the actor's chain still lacks its {@value #REQUIRED} sign-offs. */
    boolean previousMonthMissing(Actor actor) {
        return of(actor, currentMonth().minusMonths(1)).size() < REQUIRED;
    }

    YearMonth currentMonth() {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), ServiceRules.ZONE));
    }
}
