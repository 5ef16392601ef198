package dev.shomei.kiosk.session;

/** The services a resident can choose on the kiosk's first screen. */
public enum Service {
    /** 新型コロナウイルス感染症予防接種証明書. */
    VACCINATION_CERTIFICATE
}
