package dev.shomei.protocol.shc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.cert.CertificateVerificationException;
import org.junit.jupiter.api.Test;

class ShcQrTextTest {
    @Test
    void eachCharacterBecomesTwoDigitsOfItsCodeMinus45() {
        // '-' 45 -> 00, '.' 46 -> 01, '0' 48 -> 03, 'A' 65 -> 20, '_' 95 -> 50, 'e' 101 -> 56, 'z' 122 -> 77
        assertEquals("shc:/00010320505677", ShcQrText.encode("-.0A_ez"));
        assertEquals("-.0A_ez", ShcQrText.decode("shc:/00010320505677"));
        // the start of every SMART Health Card: "eyJ" (base64url of '{"')
        assertEquals("shc:/567629", ShcQrText.encode("eyJ"));
    }

    @Test
    void refusesWhatIsNotASingleNumericCard() {
        assertThrows(CertificateVerificationException.class, () -> ShcQrText.decode("SHC:/5676"));
        assertThrows(CertificateVerificationException.class, () -> ShcQrText.decode("shc:/567"));
        assertThrows(CertificateVerificationException.class, () -> ShcQrText.decode("shc:/5678"));
        assertThrows(CertificateVerificationException.class, () -> ShcQrText.decode("shc:/1/2/5676"));
        assertThrows(CertificateVerificationException.class, () -> ShcQrText.decode("shc:/56a6"));
        assertThrows(IllegalArgumentException.class, () -> ShcQrText.encode("a b"));
    }
}
