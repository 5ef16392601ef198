package dev.shomei.record.importer;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/** The file is not well-formed CSV at the given line. */
public final class CsvFormatException extends ShomeiException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public CsvFormatException(int line, String problem) {
        super(ErrorCode.INVALID_REQUEST, "line " + line + ": " + problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
