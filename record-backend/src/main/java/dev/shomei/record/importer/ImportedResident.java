package dev.shomei.record.importer;

import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import java.util.List;

/**
 * One resident as a file (or the generator) describes them: the record, the My Number and every
 * dose. Personal data: {@link #toString()} shows the line only.
 *
 * @param line the line of the resident's first row (0 for generated residents)
 * @param myNumber the My Number, or {@code null} when the file has no {@code my_number} column (the number held stays)
 * @param alternativeName a former or alternative name (旧姓・別姓・別名), or {@code null}
 */
public record ImportedResident(int line, Resident resident, MyNumber myNumber, List<Vaccination> doses,
                               AlternativeName alternativeName) {

    public ImportedResident {
        doses = List.copyOf(doses);
    }

    public ImportedResident(int line, Resident resident, MyNumber myNumber, List<Vaccination> doses) {
        this(line, resident, myNumber, doses, null);
    }

    @Override
    public String toString() {
        return "ImportedResident[line=" + line + ", doses=" + doses.size() + "]";
    }
}
