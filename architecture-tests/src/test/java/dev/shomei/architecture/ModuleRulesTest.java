package dev.shomei.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, checked on each module's main classes ({@code target/classes}):
 * no package loops, nobody but the dev PKI's own module and the benchmarks knows the dev PKI, and each
 * component uses only the parts it needs. Maven keeps the class paths apart (and the enforcer rules in the
 * poms ban the wrong modules); these rules keep the code apart too.
 */
class ModuleRulesTest {
    private static final Path ROOT = Path.of(System.getProperty("shomei.root", "..")).toAbsolutePath().normalize();

    /** Every module with main classes, by folder. */
    private static final List<String> MODULES = List.of(
            "protocol/core", "protocol/keys", "protocol/dev-pki", "protocol/line", "protocol/certificate",
            "protocol/backend-api", "protocol/otp", "card-reader/card-data", "card-reader/reader",
            "printing/pdf", "printing/printer", "printing/verify", "console-security", "record-backend", "center-server", "kiosk-ui",
            "benchmarks");

    private static JavaClasses mainClassesOf(List<String> modules) {
        List<Path> dirs = modules.stream().map(module -> ROOT.resolve(module).resolve("target/classes")).toList();
        dirs.forEach(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(dir + " is not built");
            }
        });
        return new ClassFileImporter().importPaths(dirs);
    }

    private static JavaClasses mainClassesOf(String... modules) {
        return mainClassesOf(List.of(modules));
    }

    /**
     * Package loops that are known and left to the changes that own those packages; any other loop fails.
     * The kiosk's session, devices and center link (issue 16 part 4), and the center's backend port, which
     * lives in {@code issue} although {@code municipality} uses it too.
     */
    private static SliceRule withKnownLoops(SliceRule rule) {
        return rule
                .ignoreDependency(resideInAPackage("dev.shomei.kiosk.center.."), resideInAPackage("dev.shomei.kiosk.session.."))
                .ignoreDependency(resideInAPackage("dev.shomei.kiosk.device.."), resideInAPackage("dev.shomei.kiosk.session.."))
                .ignoreDependency(classAndNested("dev.shomei.kiosk.KioskMain"), resideInAPackage("dev.shomei.kiosk.cli.."))
                .ignoreDependency(classAndNested("dev.shomei.center.municipality.BackendMunicipalities"),
                        classAndNested("dev.shomei.center.issue.RecordBackend"));
    }

    /** The class and its nested classes and lambdas' holders ({@code Name$...}). */
    private static DescribedPredicate<HasName> classAndNested(String name) {
        return nameMatching(Pattern.quote(name) + "(\\$.*)?");
    }

    @Test
    void noPackageDependsOnAPackageThatDependsBackOnIt() {
        withKnownLoops(slices().matching("dev.shomei.(**)").should().beFreeOfCycles()).check(mainClassesOf(MODULES));
    }

    /** Sub-packages count with their parent: {@code cert.sign -> shc -> cert} was such a loop. */
    @Test
    void noPackageTreeDependsOnATreeThatDependsBackOnIt() {
        withKnownLoops(slices().matching("dev.shomei.(*).(*)..").should().beFreeOfCycles()).check(mainClassesOf(MODULES));
    }

    @Test
    void onlyTheDevPkiModuleAndTheBenchmarksKnowTheDevPki() {
        ArchRule rule = noClasses().should().dependOnClassesThat()
                .haveNameMatching("dev\\.shomei\\.protocol\\.pki\\.(DevPki|DevPkiCli|CertificateMaker)(\\$.*)?")
                .because("components take their keys from a KeySource; the dev PKI is for ./shomei pki, demo and tests");
        rule.check(mainClassesOf(MODULES.stream()
                .filter(module -> !module.equals("protocol/dev-pki") && !module.equals("benchmarks")).toList()));
    }

    @Test
    void theRecordBackendDoesNotSpeakTheLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.netty..", "dev.shomei.protocol.line..")
                .check(mainClassesOf("record-backend"));
    }

    /** The console renders window issuances (issue 21) with printing-pdf; the office printer is the browser's. */
    @Test
    void theRecordBackendRendersPdfsButNeverPrintsReadsCardsOrVerifies() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.smartcardio..", "dev.shomei.card..",
                        "dev.shomei.printing.printer..", "dev.shomei.printing.verify..", "dev.shomei.printing.cli..",
                        "dev.shomei.center..", "dev.shomei.kiosk..")
                .check(mainClassesOf("record-backend"));
    }

    @Test
    void theCenterUsesCardDataAndPdfRenderingOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.smartcardio..",
                        "dev.shomei.card.transport..", "dev.shomei.card.myna..", "dev.shomei.card.sim..",
                        "dev.shomei.card.cli..", "dev.shomei.printing.printer..", "dev.shomei.printing.verify..",
                        "dev.shomei.printing.cli..")
                .check(mainClassesOf("center-server"));
    }

    @Test
    void theKioskUsesThePrinterNotThePdf() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "dev.shomei.printing.pdf..",
                        "dev.shomei.printing.qr..", "dev.shomei.printing.verify..", "dev.shomei.printing.cli..")
                .check(mainClassesOf("kiosk-ui"));
    }

    @Test
    void cardDataNeedsNoCardReader() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.smartcardio..", "dev.shomei.card.transport..",
                        "dev.shomei.card.myna..", "dev.shomei.card.sim..", "dev.shomei.card.cli..")
                .check(mainClassesOf("card-reader/card-data"));
    }

    private static boolean hasMainSources(Path module) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyModuleIsChecked() throws Exception {
        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            List<String> withSources = poms.filter(pom -> pom.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent).filter(ModuleRulesTest::hasMainSources)
                    .map(dir -> ROOT.relativize(dir).toString()).sorted().toList();
            assertEquals(MODULES.stream().sorted().toList(), withSources,
                    "a new module with main classes belongs in MODULES");
        }
    }
}
