package dev.shomei.record.importer;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.util.List;

/** The import was refused and nothing was written; {@link #problems()} names each bad line. */
public final class ImportException extends ShomeiException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ImportException(List<String> problems) {
        super(ErrorCode.INVALID_REQUEST, "import refused, nothing imported: " + problems.size() + " problem(s); first: "
                + problems.getFirst());
        this.problems = List.copyOf(problems);
    }

    /** One line each, like {@code line 7: my_number: check digit is wrong}; never a field's value. */
    public List<String> problems() {
        return problems;
    }
}
