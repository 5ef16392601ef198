package dev.shomei.card.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.card.apdu.Hex;
import org.junit.jupiter.api.Test;

class ApduTraceFormatterTest {
    private final ApduTraceFormatter f = new ApduTraceFormatter();

    private String cmd(String hex) {
        return f.command(Hex.parse(hex));
    }

    private String rsp(String command, String response) {
        return f.response(Hex.parse(command), Hex.parse(response));
    }

    @Test
    void verifyDataIsMasked() {
        assertEquals("00200091 [4 bytes masked]", cmd("002000910434333231"));
        assertEquals("00200091", cmd("00200091"));
        assertEquals("00240081 [8 bytes masked]", cmd("00240081083132333431323334"));
        assertEquals("63C2 (verification failed, 2 tries left)", rsp("002000910430303030", "63C2"));
    }

    @Test
    void selectIsShownInFull() {
        assertEquals("00A4040C 0AD3921000310001010408", cmd("00A4040C0AD3921000310001010408"));
        assertEquals("9000 (no error)", rsp("00A4040C0AD3921000310001010408", "9000"));
    }

    @Test
    void personalFilesAreMaskedWhetherReadBySfiOrAfterSelect() {
        assertEquals("[2 bytes masked] 9000 (no error)", rsp("00B0810011", "FF109000"));
        assertEquals("[2 bytes masked] 9000 (no error)", rsp("00B0820023", "FF209000"));
        assertEquals("[2 bytes masked] 9000 (no error)", rsp("00B0830000", "FF309000"));
        rsp("00A4020C020002", "9000");
        assertEquals("[2 bytes masked] 9000 (no error)", rsp("00B0000010", "FF209000"));
        rsp("00A4020C020001", "9000");
        assertEquals("[2 bytes masked] 9000 (no error)", rsp("00B0000010", "FF109000"));
    }

    @Test
    void publicFilesAreShown() {
        assertEquals("7F21 9000 (no error)", rsp("00B0840000", "7F219000"));
        assertEquals("AABB 9000 (no error)", rsp("00B0010000", "AABB9000")); // EF 0004 is current now
        rsp("00A4020C020005", "9000");
        assertEquals("FF40 9000 (no error)", rsp("00B0000004", "FF409000"));
    }

    @Test
    void uncertainSelectionMasks() {
        rsp("00A4020C020004", "9000");
        rsp("00A4020C020001", "6A82"); // failed select: which EF is current is not certain
        assertEquals("[2 bytes masked] 9000 (no error)", rsp("00B0000010", "AABB9000"));
        assertEquals("[2 bytes masked] 9000 (no error)", rsp("00CA0000", "AABB9000")); // unknown command
        assertEquals("00CA0000 [1 bytes masked] Ne=256", cmd("00CA000001AA00"));
        assertEquals("00B08100 11", cmd("00B0810011"));
        assertEquals("00DA0000 [2 bytes masked, malformed]", cmd("00DA000005AA"));
    }
}
