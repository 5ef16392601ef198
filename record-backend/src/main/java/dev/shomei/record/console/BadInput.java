package dev.shomei.record.console;

/** Input the console refuses; {@code messageKey} names the text shown (nothing was changed). */
final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String messageKey;

    BadInput(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
