package dev.shomei.record.users;

/** Why an id was disabled; the seed asks for revocation at once on transfer (異動) or retirement (退職). */
public enum DisableReason {
    TRANSFER, RETIREMENT, LEAVE, NO_LONGER_NEEDED, SUSPECTED_MISUSE, OTHER
}
