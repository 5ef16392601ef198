package dev.shomei.card.cli;

/** Bad command-line arguments: the CLI prints the message and the usage, exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
