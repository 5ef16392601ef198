package dev.shomei.record.store;

import java.util.UUID;

/** Row ids: random, so they say nothing about the person or the order of arrival. */
public final class Ids {
    private Ids() {
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
