package kr.seoul.sogong.outcomes;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * One package per capability (intake, findings, rules, survey, results, validation,
 * quality, tables, reports, operations, generator), and no import cycle between them: a
 * cycle is what made each change touch the packages around it.
 */
class ModuleRulesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("kr.seoul.sogong.outcomes");

    @Test
    void capabilityPackagesAreFreeOfCycles() {
        slices().matching("kr.seoul.sogong.outcomes.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void findingsDependOnNothingOfOurs() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that()
            .resideInAPackage("..outcomes.findings..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..outcomes.intake..", "..outcomes.rules..", "..outcomes.reports..",
                    "..outcomes.operations..", "..outcomes.quality..")
            .check(PRODUCTION);
    }

    /**
     * The root package holds the application and the job's flow, which use every module;
     * a module that used them back would be a cycle the slice rule cannot see (the root
     * is no slice).
     */
    @Test
    void noModuleDependsOnTheApplicationOrTheJobsFlow() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that()
            .resideInAPackage("kr.seoul.sogong.outcomes.(*)..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("kr.seoul.sogong.outcomes")
            .check(PRODUCTION);
    }

    /**
     * docs/modules.md and the README draw the packages and their imports; they must draw
     * the code as it is.
     */
    @Test
    void theModuleDiagramDrawsTheCode() throws Exception {
        java.util.SortedSet<String> edges = new java.util.TreeSet<>();
        String base = "kr.seoul.sogong.outcomes.";
        for (var c : PRODUCTION) {
            String from = module(c.getPackageName(), base);
            if (from == null) {
                continue;
            }
            for (var d : c.getDirectDependenciesFromSelf()) {
                String to = module(d.getTargetClass().getPackageName(), base);
                if (to != null && !to.equals(from)) {
                    edges.add("    " + from + " --> " + to);
                }
            }
        }
        String diagram = "```mermaid\ngraph LR\n" + String.join("\n", edges) + "\n```";
        for (java.nio.file.Path doc : java.util.List.of(java.nio.file.Path.of("docs", "modules.md"),
                java.nio.file.Path.of("README.md"))) {
            org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(doc))
                .as(doc + " should hold:\n" + diagram)
                .contains(diagram);
        }
    }

    /**
     * A row table is named by {@code rows.RowTable}, not by a string: a literal equal to
     * a table's name anywhere else in the production code is a name the compiler cannot
     * check (SQL text that mentions a table is not such a literal).
     */
    @Test
    void rowTablesAreNamedByTheirEnum() throws Exception {
        java.util.regex.Pattern literal = java.util.regex.Pattern
            .compile("\"(survey_response|participant|outcome|budget_line)\"");
        java.util.List<String> found = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src", "main", "java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("RowTable.java")) {
                    continue;
                }
                java.util.List<String> lines = java.nio.file.Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (literal.matcher(lines.get(i)).find()) {
                        found.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(found).isEmpty();
    }

    /**
     * Each of our tables has one owner that holds its SQL: a class elsewhere that names
     * the table in a statement ({@code from}, {@code into}, {@code update}, {@code join})
     * reaches past the owner, and a migration that changes the table would break it
     * unseen. Spring Batch's tables and the run facts belong to the commands
     * ({@code operations}); Flyway's migrations are history, not owners.
     */
    @Test
    void eachTableHasOneOwnerOfItsSql() throws Exception {
        java.util.Map<String, String> owners = new java.util.LinkedHashMap<>();
        owners.put("finding", "store/FindingStore.java");
        for (String t : java.util.List.of("source_file", "source_range", "center", "round_input")) {
            owners.put(t, "store/IntakeStore.java");
        }
        owners.put("row_digest", "store/DigestStore.java");
        owners.put("cross_row_verdict", "store/VerdictStore.java");
        for (String t : java.util.List.of("survey_response", "participant", "outcome", "budget_line")) {
            owners.put(t, "store/RowTables.java");
        }
        for (String t : java.util.List.of("outcome_run", "participation_by_center", "satisfaction_by_center",
                "kpi_by_center", "budget_by_center", "needs_by_center", "yoy_by_center")) {
            owners.put(t, "tables/OutcomeStore.java");
        }
        owners.put("run_lock", "operations/RunLock.java");
        owners.put("alert_log", "alerts/AlertLog.java");
        owners.put("mail_log", "corrections/MailLog.java");
        owners.put("destruction_ledger", "retention/DestructionLedger.java");
        owners.put("access_record", "access/AccessLog.java");
        java.nio.file.Path base = java.nio.file.Path.of("src", "main", "java", "kr", "seoul", "sogong", "outcomes");
        java.util.List<String> trespass = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(base)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = base.relativize(f).toString().replace('\\', '/');
                // statements, not what comments say about the tables
                String code = java.nio.file.Files.readString(f)
                    .replaceAll("(?s)/\\*.*?\\*/", "")
                    .replaceAll("(?m)^\\s*//.*$", "");
                owners.forEach((table, owner) -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("(?i)\\b(from|into|update|join)\\s+" + table + "\\b")
                        .matcher(code);
                    if (!name.equals(owner) && m.find()) {
                        trespass.add(name + " holds SQL of " + table + " (\"" + m.group() + "\"), owned by " + owner);
                    }
                });
            }
        }
        org.assertj.core.api.Assertions.assertThat(trespass).isEmpty();
    }

    private static String module(String packageName, String base) {
        if (!packageName.startsWith(base)) {
            return null;
        }
        String rest = packageName.substring(base.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

}
