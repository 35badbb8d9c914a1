package kr.seoul.sogong.outcomes.kits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.OutcomesJobTestSupport;
import kr.seoul.sogong.outcomes.SampleRounds;
import kr.seoul.sogong.outcomes.centers.CentersFile;
import kr.seoul.sogong.outcomes.intake.Column;
import kr.seoul.sogong.outcomes.intake.SourceKind;
import kr.seoul.sogong.outcomes.intake.WorkbookRows;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;

/**
 * The input kit as a center uses it: the sample round's results typed into the kit's
 * workbooks give the job exactly the findings the sample gives (each at its row, two rows
 * lower under the kit's title) and the same outcome tables; only its valid rows give no
 * finding at all; every constrained column carries its data validation.
 */
class KitRoundTripTest extends OutcomesJobTestSupport {

    /** A finding's place, with the sample's file and row mapped to the kit's. */
    record Place(String file, String sheet, String row, String field, String rule) {
    }

    private List<Place> places(int round, String fromRound, String toRound, int rowShift) throws Exception {
        List<Place> places = new ArrayList<>();
        List<String> lines = rejectLines(round);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            boolean results = c[1].startsWith("results/");
            String file = results ? c[1].replace("_" + fromRound + "_", "_" + toRound + "_") : c[1];
            String row = results && !c[3].isEmpty() ? String.valueOf(Integer.parseInt(c[3]) + rowShift) : c[3];
            places.add(new Place(file, c[2], row, c[4], c[6]));
        }
        return places;
    }

    /**
     * Types each sample results workbook's rows (all, or those without a finding) into
     * the kit.
     */
    private void fillKits(int sampleRound, int round, Set<String> skip) throws Exception {
        Path kits = Files.createTempDirectory("kits");
        InputKit.write(kits, round, CentersFile.read(input(round).resolve("centers.csv")));
        Files.createDirectories(input(round).resolve("results"));
        try (Stream<Path> files = Files.list(input(sampleRound).resolve("results"))) {
            for (Path sample : files.sorted().toList()) {
                String code = sample.getFileName().toString().split("_")[0];
                Path kit = kits.resolve(round + "/" + code + "_" + round + "_결과.xlsx");
                try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(kit));
                        WorkbookRows rows = new WorkbookRows(sample)) {
                    Map<String, Map<Integer, String>> aliasByColumn = new HashMap<>();
                    WorkbookRows.SheetRow next = rows.next();
                    while (next != null) {
                        type(wb, next, code, skip, aliasByColumn);
                        next = rows.next();
                    }
                    Path into = input(round).resolve("results/" + code + "_" + round + "_결과.xlsx");
                    try (OutputStream out = Files.newOutputStream(into)) {
                        wb.write(out);
                    }
                }
            }
        }
    }

    private static void type(XSSFWorkbook wb, WorkbookRows.SheetRow r, String code, Set<String> skip,
            Map<String, Map<Integer, String>> aliasByColumn) {
        SourceKind kind = SourceKind.RESULTS.stream()
            .filter(k -> k.koreanSheet().equals(r.sheet()))
            .findFirst()
            .orElseThrow();
        List<Column> columns = kind.columns();
        if (r.rowNumber() == 1) {
            Map<Integer, String> aliases = new HashMap<>();
            for (int i = 0; i < r.cells().size(); i++) {
                for (Column c : columns) {
                    if (c.korean().equals(r.cells().get(i))) {
                        aliases.put(i, c.alias());
                    }
                }
            }
            aliasByColumn.put(r.sheet(), aliases);
            return;
        }
        if (skip.contains(r.sheet() + "#" + r.rowNumber() + "#" + code)) {
            return;
        }
        // the sample's row r is the kit's row r + 2: the kit has a title and a line above
        // its header
        Row target = wb.getSheet(r.sheet()).createRow(r.rowNumber() - 1 + 2);
        for (int i = 0; i < r.cells().size(); i++) {
            String alias = aliasByColumn.get(r.sheet()).get(i);
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).alias().equals(alias) && !r.cells().get(i).isEmpty()) {
                    target.createCell(c).setCellValue(r.cells().get(i));
                }
            }
        }
    }

    private void copyAllButResults(int from, int to) throws Exception {
        SampleRounds.copy(input(from), input(to));
        try (Stream<Path> files = Files.list(input(to).resolve("results"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private List<String> tableWithoutRound(int round, String file) throws Exception {
        return Files.readAllLines(output(round).resolve(file))
            .stream()
            .map(l -> l.substring(l.indexOf(',') + 1))
            .toList();
    }

    @Test
    void theSampleTypedIntoTheKitGivesTheSampleFindingsAndTablesAndItsValidRowsNone() throws Exception {
        int sample = 6800;
        copySample(2022, sample);
        JobExecution a = launch(sample, LocalDate.of(2022, 11, 1));
        assertThat(a.getStatus().isUnsuccessful()).isFalse();

        int typed = 6801;
        copyAllButResults(sample, typed);
        fillKits(sample, typed, Set.of());
        JobExecution b = launch(typed, LocalDate.of(2022, 11, 1));
        assertThat(b.getStatus().isUnsuccessful()).isFalse();
        assertThat(places(typed, "x", "x", 0))
            .containsExactlyInAnyOrderElementsOf(places(sample, "2022", String.valueOf(typed), 2));
        for (String table : List.of("participation_by_center.csv", "kpi_by_center.csv", "budget_by_center.csv",
                "satisfaction_by_center.csv", "needs_by_center.csv")) {
            assertThat(tableWithoutRound(typed, table)).as(table).isEqualTo(tableWithoutRound(sample, table));
        }

        int valid = 6802;
        copyAllButResults(sample, valid);
        Set<String> skip = new HashSet<>();
        for (Place p : places(sample, "2022", "2022", 0)) {
            if (p.file().startsWith("results/") && !p.row().isEmpty()) {
                String code = p.file().substring("results/".length()).split("_")[0];
                skip.add(p.sheet() + "#" + p.row() + "#" + code);
            }
        }
        fillKits(sample, valid, skip);
        JobExecution c = launch(valid, LocalDate.of(2022, 11, 1));
        assertThat(c.getStatus().isUnsuccessful()).isFalse();
        assertThat(places(valid, "x", "x", 0)).filteredOn(p -> p.file().startsWith("results/"))
            .as("no finding in a kit filled with valid rows")
            .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from participant where round = ?", Long.class, valid))
            .isEqualTo(jdbc.queryForObject("select count(*) from participant where round = ? and accepted = true",
                    Long.class, sample));
    }

    @Test
    void everyConstrainedColumnCarriesItsValidation() throws Exception {
        int round = 6803;
        copySample(2022, round);
        Path kits = Files.createTempDirectory("kits");
        List<Path> written = InputKit.write(kits, round, CentersFile.read(input(round).resolve("centers.csv")));
        assertThat(written).hasSize(6);
        for (Path file : written) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
                assertThat(wb.getSheet("작성 안내")).isNotNull();
                boolean survey = file.getFileName().toString().startsWith("설문");
                for (SourceKind kind : survey ? List.of(SourceKind.SURVEY) : SourceKind.RESULTS) {
                    Sheet sheet = wb.getSheet(survey ? "응답" : kind.koreanSheet());
                    assertThat(sheet.getProtect()).isTrue();
                    assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                    Row header = sheet.getRow(InputKit.HEADER_ROW - 1);
                    for (int c = 0; c < kind.columns().size(); c++) {
                        Column column = kind.columns().get(c);
                        assertThat(header.getCell(c).getStringCellValue()).isEqualTo(column.korean());
                        boolean constrained = InputKit.constraint(sheet.getDataValidationHelper(), column.alias(),
                                round, List.of("X")) != null;
                        int col = c;
                        List<? extends DataValidation> on = sheet.getDataValidations()
                            .stream()
                            .filter(v -> v.getRegions().getCellRangeAddresses().length > 0)
                            .filter(v -> covers(v.getRegions().getCellRangeAddresses()[0], col))
                            .toList();
                        if (constrained) {
                            assertThat(on).as(file.getFileName() + " " + column.alias()).isNotEmpty();
                            assertThat(on.get(0).getValidationConstraint().getValidationType()).as(column.alias())
                                .isNotEqualTo(DataValidationConstraintType.ANY);
                        }
                    }
                }
            }
        }
    }

    private static boolean covers(CellRangeAddress range, int column) {
        return range.getFirstColumn() <= column && column <= range.getLastColumn()
                && range.getFirstRow() == InputKit.HEADER_ROW;
    }

    /** POI's constants for a constraint's type. */
    private static final class DataValidationConstraintType {

        static final int ANY = org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType.ANY;

    }

}
