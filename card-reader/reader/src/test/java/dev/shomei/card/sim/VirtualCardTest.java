package dev.shomei.card.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.myna.InputAssistAp;
import dev.shomei.card.testing.TestCards;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AP's behaviour, APDU by APDU. */
class VirtualCardTest {
    private static final String SELECT_AP = "00A4040C0AD3921000310001010408";
    private static final String TRIES = "00200091";
    private static final String VERIFY_OK = "002000910434333231"; // "4321"
    private static final String VERIFY_BAD = "002000910430303030";

    private final List<Integer> persisted = new ArrayList<>();
    private CardFiles files;
    private VirtualCard card;

    @BeforeEach
    void personalise() {
        files = TestCards.factory().files(TestCards.person());
        card = new VirtualCard(TestCards.factory().fileMap(files), TestCards.PIN.getBytes(), 3, VirtualCard.DEFAULT_ATR,
                persisted::add);
    }

    private String send(String hex) {
        return Hex.of(card.process(Hex.parse(hex)));
    }

    @Test
    void selectsOnlyTheInputAssistAp() {
        assertEquals("6A82", send("00A4040C0AD3921000310001010402")); // card-face AP: not on this card
        assertEquals("6A82", send("00A4020C020001")); // no EF before the AP
        assertEquals("9000", send(SELECT_AP));
        assertEquals("9000", send("00A4020C020001"));
        assertEquals("6A82", send("00A4020C020009"));
        assertEquals("6700", send("00A4020C0100"));
        assertEquals("6A86", send("00A4080C020001"));
    }

    @Test
    void protectedFilesAreRefusedBeforeVerify() {
        send(SELECT_AP);
        assertEquals("6982", send("00B0810011"));
        assertEquals("6982", send("00B0820005"));
        assertEquals("6982", send("00B0830005"));
        assertEquals("6981", send("00B0910004")); // the PIN EF is never readable
        String certificateHead = send("00B0840005");
        assertEquals("7F21820233" + "9000", certificateHead);
    }

    @Test
    void triesLeftConsumesNothingAndVerifyOpensTheFiles() {
        send(SELECT_AP);
        assertEquals("63C3", send(TRIES));
        assertEquals("63C3", send(TRIES));
        assertEquals("9000", send(VERIFY_OK));
        assertEquals("9000", send(TRIES));
        assertEquals(Hex.of(files.ef0001()) + "9000", send("00B0810011"));
        assertEquals(List.of(3), persisted);
    }

    @Test
    void verifyAfterSelectingThePinEfWorksToo() {
        send(SELECT_AP);
        assertEquals("6A88", send("0020008004" + "34333231")); // no current EF: no reference
        send("00A4020C020011");
        assertEquals("63C3", send("00200080"));
        assertEquals("9000", send("0020008004" + "34333231"));
    }

    @Test
    void threeWrongPinsBlockAndTheCounterIsPersistedEachTime() {
        send(SELECT_AP);
        assertEquals("63C2", send(VERIFY_BAD));
        assertEquals("63C1", send(VERIFY_BAD));
        assertEquals("63C0", send(VERIFY_BAD));
        assertEquals("6984", send(TRIES));
        assertEquals("6984", send(VERIFY_OK)); // even the right PIN
        assertEquals("6982", send("00B0810011"));
        assertEquals(List.of(2, 1, 0), persisted);
        assertTrue(card.isBlocked());
    }

    @Test
    void aRightPinResetsTheCounterAndThePowerCycleKeepsIt() {
        send(SELECT_AP);
        send(VERIFY_BAD);
        card.reset();
        send(SELECT_AP);
        assertEquals("63C2", send(TRIES));
        assertEquals("6982", send("00B0810011")); // the reset dropped nothing but the PIN state
        send(VERIFY_OK);
        assertEquals(3, card.triesLeft());
        card.reset();
        send(SELECT_AP);
        assertEquals("63C3", send(TRIES));
        assertEquals("6982", send("00B0810011"));
    }

    @Test
    void offsetReadsEndOfFileAndWrongLength() {
        send(SELECT_AP);
        send(VERIFY_OK);
        byte[] ef0004 = files.ef0004();
        assertEquals(Hex.of(Arrays.copyOfRange(ef0004, 0, 256)) + "9000", send("00B0840000"));
        assertEquals(Hex.of(Arrays.copyOfRange(ef0004, 256, 512)) + "9000", send("00B0010000")); // current EF = 0004 now
        assertEquals(Hex.of(Arrays.copyOfRange(ef0004, 512, 568)) + "9000", send("00B0020038"));
        assertEquals(Hex.of(Arrays.copyOfRange(ef0004, 512, 568)) + "6282", send("00B0020040"));
        assertEquals("6B00", send("00B0023800")); // offset 568
        assertEquals("6700", send("00B00000")); // no Le
        assertEquals(Hex.of(ef0004) + "9000", send("00B00000000238")); // extended Le
    }

    @Test
    void readWithoutCurrentEfIsNotAllowed() {
        send(SELECT_AP);
        assertEquals("6986", send("00B0000010"));
        assertEquals("6A82", send("00B0860010")); // SFI 6 does not exist
    }

    @Test
    void unknownClassInstructionAndMalformedApdus() {
        assertEquals("6E00", send("80A4040C0AD3921000310001010408"));
        assertEquals("6D00", send("00CA0000"));
        assertEquals("6700", send("00A4"));
        assertEquals("6700", send("00A4040C05D392"));
    }

    @Test
    void aVerifyOfTheWrongLengthConsumesNoTry() {
        send(SELECT_AP);
        assertEquals("6700", send("0020009103313233"));
        assertEquals("63C3", send(TRIES));
    }

    @Test
    void aCounterThatCannotBePersistedStillCountsAndAnswersMemoryFailure() {
        VirtualCard readOnly = new VirtualCard(TestCards.factory().fileMap(files), TestCards.PIN.getBytes(), 3,
                VirtualCard.DEFAULT_ATR, tries -> {
                    throw new IllegalStateException("read-only");
                });
        readOnly.process(Hex.parse(SELECT_AP));
        assertEquals("6581", Hex.of(readOnly.process(Hex.parse(VERIFY_BAD))));
        assertEquals(2, readOnly.triesLeft());
        assertEquals("6581", Hex.of(readOnly.process(Hex.parse(VERIFY_OK))));
        assertEquals("63C2", Hex.of(readOnly.process(Hex.parse(TRIES))));
    }

    @Test
    void atrAndFiles() {
        assertArrayEquals(Hex.parse("3BE000FF8131FE4514"), card.atr());
        assertArrayEquals(files.ef0002(), card.file(InputAssistAp.EF_BASIC_INFO));
    }
}
