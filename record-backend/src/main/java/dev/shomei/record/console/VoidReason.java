package dev.shomei.record.console;

/** Why a supervisor voids an issued certificate; stored as the issuance's void reason. */
enum VoidReason {
    MISPRINT, LOST_OR_DAMAGED, WRONG_RECORD, REQUESTED_BY_RESIDENT, OTHER
}
