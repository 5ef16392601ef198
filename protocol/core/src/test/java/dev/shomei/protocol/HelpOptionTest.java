package dev.shomei.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpOptionTest {
    @Test
    void helpAsTheCommandOrTheFlagAfterAnyCommand() {
        assertTrue(HelpOption.asked(new String[] {"help"}));
        assertTrue(HelpOption.asked(new String[] {"--help"}));
        assertTrue(HelpOption.asked(new String[] {"serve", "--help"}));
        assertTrue(HelpOption.asked(new String[] {"serve", "--demo", "-h"}));
    }

    @Test
    void otherwiseNot() {
        assertFalse(HelpOption.asked(new String[0]));
        assertFalse(HelpOption.asked(new String[] {"serve", "--demo"}));
        assertFalse(HelpOption.asked(new String[] {"enrol", "--label", "help"}), "a value that reads 'help' is a value");
        assertFalse(HelpOption.asked(new String[] {"serve", "--helpful"}));
    }
}
