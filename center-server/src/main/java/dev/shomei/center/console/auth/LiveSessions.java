package dev.shomei.center.console.auth;

import java.util.Optional;

/**
 * A session is live only while its account still allows it: on every request (and every second of
 * an open board stream) the session is checked against {@code operators.json} — the account still
 * exists, is enabled, has the same role and the same credentials. Otherwise every session of that
 * account ends at once; this is how disabling, demoting or resetting an operator at any center
 * (the file is shared) cuts off their open consoles within a second.
 */
public final class LiveSessions {
    private static final System.Logger LOG = System.getLogger(LiveSessions.class.getName());

    private final SessionStore sessions;
    private final OperatorAccounts accounts;

    public LiveSessions(SessionStore sessions, OperatorAccounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** The live session with this id; {@code touch} when the operator did something (not for the stream). */
    public Optional<Session> find(String id, boolean touch) {
        Optional<Session> session = sessions.find(id, touch);
        if (session.isEmpty()) {
            return session;
        }
        Session live = session.get();
        Optional<OperatorAccount> account = accounts.find(live.username());
        boolean allowed = account.isPresent() && account.get().usable(accounts.today())
                && account.get().role() == live.role()
                && account.get().credentialStamp().equals(live.credentialStamp());
        if (!allowed) {
            sessions.invalidateUser(live.username());
            LOG.log(System.Logger.Level.INFO, "console sessions of {0} ended: account changed", live.username());
            return Optional.empty();
        }
        return session;
    }

    public SessionStore store() {
        return sessions;
    }
}
