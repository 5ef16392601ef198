package dev.shomei.protocol.cert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of vaccine products: printed labels and the CVX / ICD-11 codes the QR codes carry.
 * Immutable; {@link #with(VaccineProduct)} returns an extended copy (the clerk-facing product list
 * adds local entries that way).
 *
 * <p>The products are data, not code: the bundled {@code vaccine-catalog.json} (every product of
 * Japan's programme up to 2024-03-31, each code with its source) and, on top of it, an operator's
 * override file of the same form that adds or replaces entries without a rebuild:
 * {@code -Dshomei.vaccineCatalog=FILE}, else {@code <shomei.state>/vaccine-catalog.json} when it
 * exists (docs/operations.md, "Vaccine catalog").
 */
public final class VaccineCatalog {
    /** CVX 213: SARS-COV-2 vaccine, unspecified formulation — for a product not in the table. */
    public static final String UNSPECIFIED_CVX = "213";
    /** The override file's name in the state directory. */
    public static final String OVERRIDE_FILE = "vaccine-catalog.json";

    private static final ObjectMapper MAPPER = new ObjectMapper(StrictJson.factory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final VaccineCatalog BUNDLED = bundledCatalog();
    private static VaccineCatalog standard;

    private final Map<String, VaccineProduct> byCode;

    private VaccineCatalog(List<VaccineProduct> products) {
        Map<String, VaccineProduct> map = new LinkedHashMap<>();
        for (VaccineProduct product : products) {
            map.put(product.code(), product);
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    /**
     * The products Japan used (the bundled file) with the operator's override file applied, read
     * once: {@code -Dshomei.vaccineCatalog}, else {@code <shomei.state>/vaccine-catalog.json} if it
     * exists. A broken override file is an error (never silently the bundled table).
     */
    public static synchronized VaccineCatalog standard() {
        if (standard == null) {
            standard = overrideFile().map(BUNDLED::withFile).orElse(BUNDLED);
        }
        return standard;
    }

    /** The bundled table alone. */
    public static VaccineCatalog bundled() {
        return BUNDLED;
    }

    /** A copy with every entry of an override file added, replacing entries with the same code. */
    public VaccineCatalog withFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            VaccineCatalog extended = this;
            for (VaccineProduct product : read(in, file.getFileName().toString())) {
                extended = extended.with(product);
            }
            return extended;
        } catch (IOException e) {
            throw new ShomeiException(ErrorCode.INTERNAL, "cannot read the vaccine catalog " + file, e);
        }
    }

    private static Optional<Path> overrideFile() {
        String explicit = System.getProperty("shomei.vaccineCatalog");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)); // named on purpose: a missing file is an error
        }
        String state = System.getProperty("shomei.state");
        if (state != null && !state.isBlank() && Files.isRegularFile(Path.of(state, OVERRIDE_FILE))) {
            return Optional.of(Path.of(state, OVERRIDE_FILE));
        }
        return Optional.empty();
    }

    private static VaccineCatalog bundledCatalog() {
        try (InputStream in = VaccineCatalog.class.getResourceAsStream(OVERRIDE_FILE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + OVERRIDE_FILE + " is missing from the build");
            }
            return new VaccineCatalog(read(in, "bundled " + OVERRIDE_FILE));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled " + OVERRIDE_FILE, e);
        }
    }

    /** The products of one catalog file; an invalid entry is an error naming the file and the entry. */
    static List<VaccineProduct> read(InputStream in, String name) throws IOException {
        CatalogFile file;
        try {
            file = MAPPER.readValue(in, CatalogFile.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "vaccine catalog " + name + " is not a valid catalog file: "
                    + e.getOriginalMessage()); // the message names the field; a catalog holds no personal data
        }
        if (file.products() == null || file.products().isEmpty()) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "vaccine catalog " + name + " has no products");
        }
        List<VaccineProduct> products = new ArrayList<>();
        for (int i = 0; i < file.products().size(); i++) {
            Entry entry = file.products().get(i);
            try {
                products.add(new VaccineProduct(entry.code(), entry.nameJa(), entry.manufacturerJa(), entry.nameEn(),
                        entry.manufacturerEn(), entry.cvx(), entry.icd11(), entry.vdsName()));
            } catch (ShomeiException e) {
                throw new ShomeiException(ErrorCode.INVALID_REQUEST, "vaccine catalog " + name + ", product "
                        + (i + 1) + " (" + entry.code() + "): " + e.getMessage().replaceFirst("^INVALID_REQUEST: ", ""));
            }
        }
        return products;
    }

    /** The file: free-text notes, then the products. */
    @JsonIgnoreProperties({"about", "sources", "notListed"})
    private record CatalogFile(List<Entry> products) {
    }

    /** One product as the file writes it; {@code source} says where its codes come from. */
    private record Entry(String code, String nameJa, String manufacturerJa, String nameEn, String manufacturerEn,
                         String cvx, String icd11, String vdsName, String source) {
    }

    /** A copy with {@code product} added, replacing an entry with the same code. */
    public VaccineCatalog with(VaccineProduct product) {
        List<VaccineProduct> products = new ArrayList<>(byCode.values());
        products.removeIf(existing -> existing.code().equals(product.code()));
        products.add(product);
        return new VaccineCatalog(products);
    }

    public Optional<VaccineProduct> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The product with this CVX code (a verifier maps a SMART Health Card back to a label). Where
     * products share one — CVX 213 stands for every product without a CVX of its own, e.g.
     * Daichirona — the card does not say which: the {@code unspecified} entry answers, else the first.
     */
    public Optional<VaccineProduct> byCvx(String cvx) {
        List<VaccineProduct> matching = byCode.values().stream().filter(product -> product.cvx().equals(cvx)).toList();
        if (matching.size() > 1) {
            VaccineProduct unspecified = byCode.get("unspecified");
            if (unspecified != null && matching.contains(unspecified)) {
                return Optional.of(unspecified);
            }
        }
        return matching.stream().findFirst();
    }

    public List<VaccineProduct> all() {
        return List.copyOf(byCode.values());
    }
}
