package dev.shomei.protocol;

/** The language a resident chose at the kiosk. */
public enum Language {
    JA, EN
}
