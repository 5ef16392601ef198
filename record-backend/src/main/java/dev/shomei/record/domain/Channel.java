package dev.shomei.record.domain;

/** Where a certificate was issued. */
public enum Channel {
    KIOSK, WINDOW, APP, POSTAL
}
