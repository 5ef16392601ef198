package dev.shomei.protocol.cert;

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
 * <p>CVX 207 (Spikevax) was seen in real Japanese certificates; the other CVX codes follow the CVX
 * table (see docs/certificate.md). ICD-11: mRNA XM0GQ8, viral vector XM9QW8, protein subunit XM5JC5,
 * unspecified XM68M6.
 */
public final class VaccineCatalog {
    /** CVX 213: SARS-COV-2 vaccine, unspecified formulation — for a product not in the table. */
    public static final String UNSPECIFIED_CVX = "213";

    private static final VaccineCatalog STANDARD = new VaccineCatalog(List.of(
            new VaccineProduct("comirnaty", "コミナティ", "ファイザー社", "COMIRNATY", "Pfizer",
                    "208", "XM0GQ8", "COMIRNATY"),
            new VaccineProduct("comirnaty-5-11", "コミナティ（5～11歳用）", "ファイザー社", "COMIRNATY (5-11 years)", "Pfizer",
                    "218", "XM0GQ8", "COMIRNATY 5-11Y"),
            new VaccineProduct("comirnaty-6m-4", "コミナティ（6か月～4歳用）", "ファイザー社", "COMIRNATY (6 months-4 years)",
                    "Pfizer", "219", "XM0GQ8", "COMIRNATY 6M-4Y"),
            new VaccineProduct("comirnaty-ba45", "コミナティ（2価：BA.4-5）", "ファイザー社", "COMIRNATY Bivalent (BA.4-5)",
                    "Pfizer", "300", "XM0GQ8", "COMIRNATY BA.4-5"),
            new VaccineProduct("spikevax", "スパイクバックス", "モデルナ社", "Spikevax", "Moderna",
                    "207", "XM0GQ8", "SPIKEVAX"),
            new VaccineProduct("spikevax-ba45", "スパイクバックス（2価：BA.4-5）", "モデルナ社", "Spikevax Bivalent (BA.4-5)",
                    "Moderna", "229", "XM0GQ8", "SPIKEVAX BA.4-5"),
            new VaccineProduct("nuvaxovid", "ヌバキソビッド", "武田（ノババックス）社", "Nuvaxovid", "Takeda (Novavax)",
                    "211", "XM5JC5", "NUVAXOVID"),
            new VaccineProduct("vaxzevria", "バキスゼブリア", "アストラゼネカ社", "Vaxzevria", "AstraZeneca",
                    "210", "XM9QW8", "VAXZEVRIA"),
            new VaccineProduct("jcovden", "ジェコビデン", "ヤンセンファーマ社", "JCOVDEN", "Janssen",
                    "212", "XM9QW8", "JCOVDEN"),
            new VaccineProduct("unspecified", "新型コロナワクチン", "不明", "COVID-19 vaccine", "Unknown",
                    UNSPECIFIED_CVX, "XM68M6", "COVID-19 VACCINE")));

    private final Map<String, VaccineProduct> byCode;

    private VaccineCatalog(List<VaccineProduct> products) {
        Map<String, VaccineProduct> map = new LinkedHashMap<>();
        for (VaccineProduct product : products) {
            map.put(product.code(), product);
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    /** The products Japan used, as listed in CERTIFICATE.md. */
    public static VaccineCatalog standard() {
        return STANDARD;
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

    /** The first product with this CVX code (a verifier maps a SMART Health Card back to a label). */
    public Optional<VaccineProduct> byCvx(String cvx) {
        return byCode.values().stream().filter(product -> product.cvx().equals(cvx)).findFirst();
    }

    public List<VaccineProduct> all() {
        return List.copyOf(byCode.values());
    }
}
