package dev.shomei.card.myna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.data.CardDataException;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.VirtualCard;
import dev.shomei.card.sim.VirtualCardTransport;
import dev.shomei.card.testing.RecordingTransport;
import dev.shomei.card.testing.TestCards;
import dev.shomei.card.transport.ScriptedTransport;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputAssistApClientTest {
    private static final String SELECT_AP = "00A4040C0AD3921000310001010408";

    private final CardFiles files = TestCards.factory().files(TestCards.person());

    private VirtualCard card(int triesLeft) {
        return TestCards.factory().personalise(TestCards.person(), TestCards.PIN, triesLeft).toCard();
    }

    @Test
    void aFullReadIsTenApdusExactly() {
        RecordingTransport transport = new RecordingTransport(new VirtualCardTransport(card(3)));
        InputAssistApClient ap = InputAssistApClient.select(transport);
        assertEquals(3, ap.triesLeft());
        char[] pin = TestCards.PIN.toCharArray();
        ap.verifyPin(pin);
        assertArrayEquals(new char[4], pin, "the PIN array is wiped");
        try (CardRead read = ap.read()) {
            assertEquals(102, files.ef0002().length, "test person's EF 0002 size the script below assumes");
            assertEquals(List.of(
                    SELECT_AP,
                    "00200091",                 // tries left
                    "002000910434333231",       // VERIFY "4321"
                    "00B0810011",               // EF 0001 by SFI 1, 17 bytes
                    "00B0820000",               // EF 0002 by SFI 2, up to 256 bytes: its 102 and 62 82
                    "00B0830000",               // EF 0003 by SFI 3, 256 bytes
                    "00B0010050",               // EF 0003 rest: offset 256, 80 bytes
                    "00B0840000",               // EF 0004 by SFI 4, 256 bytes
                    "00B0010000",               // offset 256, 256 bytes
                    "00B0020038"),              // offset 512, 56 bytes
                    transport.commands());
            assertArrayEquals(files.ef0001(), read.files().ef0001());
            assertArrayEquals(files.ef0002(), read.files().ef0002());
            assertArrayEquals(files.ef0003(), read.files().ef0003());
            assertArrayEquals(files.ef0004(), read.files().ef0004());
            assertEquals(TestCards.MY_NUMBER, read.data().myNumber().reveal());
            assertEquals(TestCards.NAME, read.data().basicInfo().name());
            assertEquals(Sex.FEMALE, read.data().basicInfo().sex());
            CardFiles kept = read.files();
            read.close();
            assertArrayEquals(new byte[17], kept.ef0001(), "close() wipes the files");
        }
    }

    @Test
    void aWrongPinReportsTheTriesLeftAndWipesThePin() {
        InputAssistApClient ap = InputAssistApClient.select(new VirtualCardTransport(card(3)));
        char[] pin = "0000".toCharArray();
        PinIncorrectException e = assertThrows(PinIncorrectException.class, () -> ap.verifyPin(pin));
        assertEquals(ErrorCode.PIN_INCORRECT, e.code());
        assertEquals(2, e.triesLeft());
        assertEquals(2, ap.knownTriesLeft());
        assertArrayEquals(new char[4], pin);
        assertTrue(!e.getMessage().contains("0000"));
    }

    @Test
    void theLastTryBlocks() {
        InputAssistApClient ap = InputAssistApClient.select(new VirtualCardTransport(card(1)));
        assertEquals(1, ap.triesLeft());
        ShomeiException e = assertThrows(ShomeiException.class, () -> ap.verifyPin("9999".toCharArray()));
        assertEquals(ErrorCode.PIN_BLOCKED, e.code());
    }

    @Test
    void threeWrongPinsBlockTheCardAndNoFourthVerifyReachesIt() {
        VirtualCard card = card(3);
        RecordingTransport transport = new RecordingTransport(new VirtualCardTransport(card));
        InputAssistApClient ap = InputAssistApClient.select(transport);
        assertEquals(2, assertThrows(PinIncorrectException.class, () -> ap.verifyPin("1111".toCharArray())).triesLeft());
        assertEquals(1, assertThrows(PinIncorrectException.class, () -> ap.verifyPin("2222".toCharArray())).triesLeft());
        assertEquals(ErrorCode.PIN_BLOCKED, assertThrows(ShomeiException.class, () -> ap.verifyPin("3333".toCharArray())).code());
        assertEquals(ErrorCode.PIN_BLOCKED,
                assertThrows(ShomeiException.class, () -> ap.verifyPin(TestCards.PIN.toCharArray())).code());
        assertEquals(3, transport.verifiesWithPin());

        // a new session on the same card: the tries-left query says blocked, still no VERIFY with a PIN
        card.reset();
        InputAssistApClient again = InputAssistApClient.select(transport);
        assertEquals(0, again.triesLeft());
        assertEquals(ErrorCode.PIN_BLOCKED,
                assertThrows(ShomeiException.class, () -> again.verifyPin(TestCards.PIN.toCharArray())).code());
        assertEquals(3, transport.verifiesWithPin());
        assertEquals(0, card.triesLeft());
    }

    @Test
    void verifyAsksTriesLeftFirstWhenTheCallerDidNot() {
        RecordingTransport transport = new RecordingTransport(new VirtualCardTransport(card(0)));
        InputAssistApClient ap = InputAssistApClient.select(transport);
        assertEquals(ErrorCode.PIN_BLOCKED,
                assertThrows(ShomeiException.class, () -> ap.verifyPin(TestCards.PIN.toCharArray())).code());
        assertEquals(List.of(SELECT_AP, "00200091"), transport.commands());
    }

    @Test
    void thePinIsValidatedBeforeAnyApdu() {
        RecordingTransport transport = new RecordingTransport(new VirtualCardTransport(card(3)));
        InputAssistApClient ap = InputAssistApClient.select(transport);
        for (String bad : new String[] {"123", "12345", "12a4", "１２３４", " 123", ""}) {
            char[] pin = bad.toCharArray();
            ShomeiException e = assertThrows(ShomeiException.class, () -> ap.verifyPin(pin), bad);
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
            assertArrayEquals(new char[pin.length], pin, "wiped even when refused");
        }
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(ShomeiException.class, () -> ap.verifyPin(null)).code());
        assertEquals(List.of(SELECT_AP), transport.commands());
    }

    @Test
    void readingBeforeVerifySendsNothing() {
        RecordingTransport transport = new RecordingTransport(new VirtualCardTransport(card(3)));
        InputAssistApClient ap = InputAssistApClient.select(transport);
        assertThrows(IllegalStateException.class, ap::readFiles);
        assertEquals(1, transport.commands().size());
        assertArrayEquals(files.ef0004(), ap.readCertificate(), "EF 0004 needs no PIN");
    }

    @Test
    void unexpectedStatusWordsAreCardUnreadableNamingTheSw() {
        ShomeiException select = assertThrows(ShomeiException.class,
                () -> InputAssistApClient.select(new ScriptedTransport().with(SELECT_AP, "6A82")));
        assertEquals(ErrorCode.CARD_UNREADABLE, select.code());
        assertTrue(select.getMessage().contains("6A82"), select.getMessage());

        ScriptedTransport odd = new ScriptedTransport().with(SELECT_AP, "9000").with("00200091", "6F00");
        ShomeiException tries = assertThrows(ShomeiException.class, () -> InputAssistApClient.select(odd).triesLeft());
        assertEquals(ErrorCode.CARD_UNREADABLE, tries.code());
        assertTrue(tries.getMessage().contains("6F00"), tries.getMessage());

        ScriptedTransport refused = verified().with("00B0810011", "6982");
        ShomeiException read = assertThrows(ShomeiException.class, () -> client(refused).readFiles());
        assertEquals(ErrorCode.CARD_UNREADABLE, read.code());
        assertTrue(read.getMessage().contains("READ BINARY EF 0001: unexpected status word 6982"), read.getMessage());

        ScriptedTransport shortRead = verified().with("00B0810011", "FF100C9000");
        ShomeiException truncated = assertThrows(ShomeiException.class, () -> client(shortRead).readFiles());
        assertEquals(ErrorCode.CARD_UNREADABLE, truncated.code());
        assertTrue(truncated.getMessage().contains("3 bytes instead of 17"), truncated.getMessage());
    }

    @Test
    void aCardThatDoesNotMakeTheSfiFileCurrentGetsASelect() {
        String ef0003 = Hex.of(files.ef0003());
        ScriptedTransport transport = verified()
                .with("00B0830000", ef0003.substring(0, 512) + "9000")
                .with("00B0010050", "6986")
                .with("00A4020C020003", "9000")
                .with("00B0010050", ef0003.substring(512) + "9000");
        assertArrayEquals(files.ef0003(), client(transport).readSignatureFile());
        assertTrue(transport.isDone());
    }

    @Test
    void aHostileLengthIsRefusedBeforeReadingOn() {
        ScriptedTransport transport = verified().with("00B0820000", "FF2082FFFF" + "00".repeat(30) + "9000");
        CardDataException e = assertThrows(CardDataException.class, () -> client(transport).readBasicInfoFile());
        assertEquals(CardDataException.Reason.BASIC_INFO_MALFORMED, e.reason());
        assertTrue(transport.isDone());

        ScriptedTransport wrongTag = verified().with("00B0830000", "FF31820148" + "00".repeat(251) + "9000");
        assertEquals(CardDataException.Reason.SIGNATURE_FILE_MALFORMED,
                assertThrows(CardDataException.class, () -> client(wrongTag).readSignatureFile()).reason());
    }

    @Test
    void basicInfoFromAFileAllocatedLargerThanItsContentIsOneReadAndDropsThePadding() {
        String ef0002 = Hex.of(files.ef0002());
        int padding = 256 - files.ef0002().length;
        ScriptedTransport transport = verified().with("00B0820000", ef0002 + "FF".repeat(padding) + "9000");
        assertArrayEquals(files.ef0002(), client(transport).readBasicInfoFile());
        assertTrue(transport.isDone());
    }

    @Test
    void basicInfoLongerThan256BytesIsReadOnAtOffset256() {
        byte[] large = new byte[300];
        large[0] = (byte) 0xFF;
        large[1] = 0x20;
        large[2] = (byte) 0x82;
        large[3] = 0x01;
        large[4] = 0x27; // 0x127 = 295 bytes of value after the 5-byte header
        for (int i = 5; i < large.length; i++) {
            large[i] = (byte) i;
        }
        String hex = Hex.of(large);
        ScriptedTransport transport = verified()
                .with("00B0820000", hex.substring(0, 512) + "9000")
                .with("00B001002C", hex.substring(512) + "9000");
        assertArrayEquals(large, client(transport).readBasicInfoFile());
        assertTrue(transport.isDone());
    }

    @Test
    void aCardRefusingALongReadOfBasicInfoIsReadTheOldWay() {
        String ef0002 = Hex.of(files.ef0002());
        ScriptedTransport transport = verified()
                .with("00B0820000", "6700")
                .with("00B0820023", ef0002.substring(0, 70) + "9000")
                .with("00B0002343", ef0002.substring(70) + "9000");
        assertArrayEquals(files.ef0002(), client(transport).readBasicInfoFile());
        assertTrue(transport.isDone());
    }

    @Test
    void basicInfoDeclaringMoreThanTheFileHoldsIsMalformedWithoutAnotherRead() {
        String truncated = Hex.of(files.ef0002()).substring(0, 100);
        ScriptedTransport transport = verified().with("00B0820000", truncated + "6282");
        CardDataException e = assertThrows(CardDataException.class, () -> client(transport).readBasicInfoFile());
        assertEquals(CardDataException.Reason.BASIC_INFO_MALFORMED, e.reason());
        assertTrue(transport.isDone());
    }

    @Test
    void triesLeftIsThreeOnceVerifiedAndZeroWhenBlocked() {
        ScriptedTransport verifiedAlready = new ScriptedTransport().with(SELECT_AP, "9000").with("00200091", "9000");
        InputAssistApClient ap = InputAssistApClient.select(verifiedAlready);
        assertEquals(3, ap.triesLeft());
        assertTrue(ap.isVerified());
        ScriptedTransport blocked = new ScriptedTransport().with(SELECT_AP, "9000").with("00200091", "6983");
        assertEquals(0, InputAssistApClient.select(blocked).triesLeft());
    }

    private static ScriptedTransport verified() {
        return new ScriptedTransport().with(SELECT_AP, "9000").with("00200091", "63C3")
                .with("002000910434333231", "9000");
    }

    private static InputAssistApClient client(ScriptedTransport transport) {
        InputAssistApClient ap = InputAssistApClient.select(transport);
        ap.triesLeft();
        ap.verifyPin(Arrays.copyOf(TestCards.PIN.toCharArray(), 4));
        return ap;
    }
}
