package dev.shomei.record.importer;

import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import java.util.List;

/**
 * One resident as a file (or the generator) describes them: the record, the My Number and every
 * dose. Personal data: {@link #toString()} shows the line only.
 *
 * @param line the line of the resident's first row (0 for generated residents)
 */
public record ImportedResident(int line, Resident resident, MyNumber myNumber, List<Vaccination> doses) {

    public ImportedResident {
        doses = List.copyOf(doses);
    }

    @Override
    public String toString() {
        return "ImportedResident[line=" + line + ", doses=" + doses.size() + "]";
    }
}
