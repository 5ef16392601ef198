package dev.shomei.record.users;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Role changes need two administrators (issue 18 point 3): an administrator's change of another
 * id's role is stored as a proposal and applies only when a different administrator approves it.
 * Neither the proposer nor the id whose role changes can approve; the proposer may cancel, another
 * administrator may refuse. Every step is audited in the same transaction, with ids and role codes only.
 */
public final class RoleChanges {
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final RoleChangeRepository changes = new RoleChangeRepository();
    private final UserRepository users = new UserRepository();

    RoleChanges(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores the proposal inside the caller's transaction (the caller has checked scope and self-change). */
    void propose(Tx tx, Actor actor, ClerkUser user, Role to) throws SQLException {
        if (changes.openFor(tx, user.id()).isPresent()) {
            throw new Refused(Refused.Why.WAITING);
        }
        RoleChange change = new RoleChange(UUID.randomUUID().toString(), user.id(), user.role(), to, actor.userId(),
                clock.instant(), null, null, null);
        changes.insert(tx, change); // a racing proposal fails on the unique index: UserAdministration.update says WAITING
        append(tx, actor, "PROPOSE_ROLE_CHANGE", user, change);
    }

    /** The open proposals for ids inside the administrator's scope, oldest first. */
    public List<RoleChange> open(Actor actor) {
        actor.require(Permission.MANAGE_USERS);
        return database.read(tx -> {
            List<RoleChange> visible = new ArrayList<>();
            for (RoleChange change : changes.open(tx)) {
                if (users.find(tx, change.userId()).filter(user -> actor.scope().covers(user.scope())).isPresent()) {
                    visible.add(change);
                }
            }
            return visible;
        });
    }

    /** The open proposal for one id inside the administrator's scope. */
    public Optional<RoleChange> openFor(Actor actor, String userId) {
        actor.require(Permission.MANAGE_USERS);
        return database.read(tx -> {
            visible(tx, actor, userId);
            return changes.openFor(tx, userId);
        });
    }

    /** A different administrator approves: the role changes now. Returns the user as changed. */
    public ClerkUser approve(Actor actor, String userId, String changeId) {
        actor.require(Permission.MANAGE_USERS);
        return database.write(tx -> {
            ClerkUser user = visible(tx, actor, userId);
            RoleChange change = openChange(tx, userId, changeId);
            if (actor.userId().equals(change.proposedBy())) {
                throw new Refused(Refused.Why.OWN_PROPOSAL);
            }
            refuseSelf(actor, userId);
            if (user.role() != change.fromRole() || !change.toRole().accepts(user.scope())) {
                throw new Refused(Refused.Why.STALE);
            }
            decide(tx, change, RoleChange.Decision.APPROVED, actor);
            users.setRole(tx, userId, change.toRole());
            append(tx, actor, "APPROVE_ROLE_CHANGE", user, change);
            return users.find(tx, userId).orElseThrow();
        });
    }

    /** The proposer withdraws their proposal (CANCELLED), or another administrator refuses it (REFUSED). */
    public RoleChange.Decision reject(Actor actor, String userId, String changeId) {
        actor.require(Permission.MANAGE_USERS);
        return database.write(tx -> {
            ClerkUser user = visible(tx, actor, userId);
            RoleChange change = openChange(tx, userId, changeId);
            boolean proposer = actor.userId().equals(change.proposedBy());
            if (!proposer) {
                refuseSelf(actor, userId);
            }
            RoleChange.Decision decision = proposer ? RoleChange.Decision.CANCELLED : RoleChange.Decision.REFUSED;
            decide(tx, change, decision, actor);
            append(tx, actor, proposer ? "CANCEL_ROLE_CHANGE" : "REFUSE_ROLE_CHANGE", user, change);
            return decision;
        });
    }

    private void decide(Tx tx, RoleChange change, RoleChange.Decision decision, Actor actor) throws SQLException {
        if (!changes.decide(tx, change.id(), decision, actor.userId(), clock.instant())) {
            throw new Refused(Refused.Why.DECIDED); // decided by a racing request after our read
        }
    }

    private RoleChange openChange(Tx tx, String userId, String changeId) throws SQLException {
        return changes.openForUpdate(tx, userId).filter(change -> change.id().equals(changeId))
                .orElseThrow(() -> new Refused(Refused.Why.DECIDED));
    }

    /** The id whose role changes has no say in it (an administrator promoting or keeping themselves). */
    private static void refuseSelf(Actor actor, String userId) {
        if (actor.userId().equals(userId)) {
            throw new Refused(Refused.Why.OWN_ROLE);
        }
    }

    private ClerkUser visible(Tx tx, Actor actor, String id) throws SQLException {
        ClerkUser user = UserIds.isValid(id) ? users.find(tx, id).orElse(null) : null;
        if (user == null || !actor.scope().covers(user.scope())) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "no such user in your scope");
        }
        return user;
    }

    private void append(Tx tx, Actor actor, String action, ClerkUser target, RoleChange change) throws SQLException {
        audit.append(tx, new AuditEvent("CLERK", actor.userId(), actor.source(), action, target.municipality().orElse(null),
                "user", target.id(), "OK", "change=" + change.id() + " from=" + change.fromRole() + " to="
                + change.toRole() + " proposedBy=" + change.proposedBy()));
    }

    /** A step the two-administrator rule does not allow; {@link #why} lets the console say it in its language. */
    public static final class Refused extends ShomeiException {
        private static final long serialVersionUID = 1L;

        /** Why the step was refused. */
        public enum Why {
            WAITING("a role change of this id is already waiting: approve, refuse or cancel it first"),
            OWN_PROPOSAL("the proposer cannot approve their own proposal: another administrator does that"),
            OWN_ROLE("an administrator cannot change their own role nor decide its change: another administrator does that"),
            STALE("the id's role or scope changed since the proposal: refuse it and propose again"),
            DECIDED("this role change is no longer waiting: it was decided or withdrawn");

            private final String message;

            Why(String message) {
                this.message = message;
            }
        }

        private final Why why;

        Refused(Why why) {
            super(ErrorCode.INVALID_REQUEST, why.message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }
}
