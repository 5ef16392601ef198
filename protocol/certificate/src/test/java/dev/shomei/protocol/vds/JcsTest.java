package dev.shomei.protocol.vds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.cert.CertificateVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from RFC 8785: section 3.2.2 / 3.2.3 examples and the appendix B number table. */
class JcsTest {
    @Test
    void canonicalizesTheRfcMainExample() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        assertEquals("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", Jcs.canonicalize(input));
    }

    @Test
    void sortsPropertiesByUtf16CodeUnits() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        String canonical = Jcs.canonicalize(input);
        assertEquals(expected, canonical);
        // the RFC's UTF-8 dump of the same output starts: 7b 22 5c 72 22 3a 22 43 61 72 72 69 61 67 65 20
        assertEquals("7b225c72223a22436172726961676520",
                HexFormat.of().formatHex(canonical.getBytes(StandardCharsets.UTF_8), 0, 16));
    }

    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void formatsNumbersAsEcmaScriptDoes(String ieee, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee, 16));
        assertEquals(expected, Jcs.number(value));
    }

    @Test
    void integersWeUseAreWrittenPlainly() {
        assertEquals("{\"seq\":1,\"v\":1,\"x\":[99,-7,0]}", Jcs.canonicalize("{\"x\":[99,-7,-0],\"v\":1.0,\"seq\":1}"));
    }

    @Test
    void refusesWhatIsNotIJson() {
        assertThrows(CertificateVerificationException.class, () -> Jcs.number(Double.NaN));
        assertThrows(CertificateVerificationException.class, () -> Jcs.number(Double.POSITIVE_INFINITY));
        assertThrows(CertificateVerificationException.class, () -> Jcs.canonicalize("{\"a\":1,\"a\":2}"));
        assertThrows(CertificateVerificationException.class, () -> Jcs.canonicalize("{\"a\":\"\\ud800\"}"));
        // control characters are escaped in lower-case hex; DEL is not a control character for JSON
        assertEquals("\"\\u001f\u007f\"", Jcs.canonicalize("\"\\u001f\\u007f\""));
    }
}
