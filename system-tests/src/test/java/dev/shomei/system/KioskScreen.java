package dev.shomei.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * The kiosk's touch screen as a resident uses it, in a real browser: touches are clicks on the
 * page's buttons; the screen the firmware shows is the page's {@code data-state}. Waits are
 * generous (a loaded 2-core machine), never assumptions about speed.
 */
final class KioskScreen {
    private static final double WAIT_MILLIS = 60_000;

    private final Page page;

    KioskScreen(Page page) {
        this.page = page;
    }

    Page page() {
        return page;
    }

    Locator find(String selector) {
        return page.locator(selector);
    }

    void touch(String selector) {
        page.locator(selector).click(new Locator.ClickOptions().setTimeout(WAIT_MILLIS));
    }

    void expectState(String state) {
        assertThat(page.locator("body")).hasAttribute("data-state", state,
                new LocatorAssertions.HasAttributeOptions().setTimeout(WAIT_MILLIS));
    }

    /** From the idle screen to the certificate type: start, the one service, the language. */
    void chooseService(String languageButton, String typeButton) {
        expectState("IDLE");
        touch("#start");
        touch("#service-vaccination");
        touch(languageButton);
        touch(typeButton);
    }

    /** Types the digits on the fixed pad, each confirmed by one more filled box. */
    void typePin(String digits) {
        for (char digit : digits.toCharArray()) {
            int before = page.locator("#pin-boxes .filled").count();
            touch("#pin-" + digit);
            assertThat(page.locator("#pin-boxes .filled")).hasCount(before + 1,
                    new LocatorAssertions.HasCountOptions().setTimeout(WAIT_MILLIS));
        }
    }
}
