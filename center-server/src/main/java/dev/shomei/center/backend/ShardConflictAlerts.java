package dev.shomei.center.backend;

import dev.shomei.center.board.AlertKind;
import dev.shomei.center.board.AlertLog;
import java.util.List;

/** A municipality listed by two shards raises an operator alert (subject: its code), resolved when one lists it. */
public final class ShardConflictAlerts implements ShardedRecordBackend.ConflictListener {
    private final AlertLog alerts;

    public ShardConflictAlerts(AlertLog alerts) {
        this.alerts = alerts;
    }

    @Override
    public void raised(String municipalityCode, List<String> shards) {
        alerts.raise(AlertKind.MUNICIPALITY_ON_TWO_SHARDS, "", municipalityCode);
    }

    @Override
    public void resolved(String municipalityCode) {
        alerts.resolve(AlertKind.MUNICIPALITY_ON_TWO_SHARDS, "", municipalityCode);
    }
}
