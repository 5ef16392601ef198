package dev.shomei.printing.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class IppMessageTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesAPrintJobByteForByte() {
        byte[] request = new IppMessage.Request(IppMessage.PRINT_JOB, 7)
                .string(IppMessage.VALUE_NAME, "job-name", "j1")
                .group(IppMessage.TAG_JOB)
                .integer(IppMessage.VALUE_INTEGER, "copies", 2)
                .toBytes(new byte[] {'%', 'P'});
        assertEquals("0101" + "0002" + "00000007"
                + "01"
                + "47" + "0012" + hex("attributes-charset") + "0005" + hex("utf-8")
                + "48" + "001b" + hex("attributes-natural-language") + "0002" + hex("en")
                + "42" + "0008" + hex("job-name") + "0002" + hex("j1")
                + "02"
                + "21" + "0006" + hex("copies") + "0004" + "00000002"
                + "03" + "2550", HEX.formatHex(request));
    }

    @Test
    void parsesGroupsIntegersEnumsAndAdditionalValues() {
        byte[] response = HEX.parseHex("0101" + "0000" + "00000007"
                + "01" + "47" + "0012" + hex("attributes-charset") + "0005" + hex("utf-8")
                + "02" + "21" + "0006" + hex("job-id") + "0004" + "0000002a"
                + "23" + "0009" + hex("job-state") + "0004" + "00000009"
                + "44" + "0011" + hex("job-state-reasons") + "0004" + hex("none")
                + "44" + "0000" + "0008" + hex("finished")
                + "03");
        IppMessage.Response parsed = IppMessage.parse(response);
        assertTrue(parsed.successful());
        assertEquals(7, parsed.requestId());
        assertEquals(42, parsed.first(IppMessage.TAG_JOB, "job-id"));
        assertEquals(9, parsed.first(IppMessage.TAG_JOB, "job-state"));
        assertEquals(List.of("none", "finished"), parsed.all(IppMessage.TAG_JOB, "job-state-reasons"));
        assertFalse(IppMessage.parse(HEX.parseHex("0101040600000001" + "03")).successful());
        assertThrows(IllegalArgumentException.class, () -> IppMessage.parse(HEX.parseHex("010100000000000102210006")));
    }

    private static String hex(String ascii) {
        return HEX.formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
