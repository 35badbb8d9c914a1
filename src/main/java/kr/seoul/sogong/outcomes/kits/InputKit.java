package kr.seoul.sogong.outcomes.kits;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.centers.Center;
import kr.seoul.sogong.outcomes.intake.Column;
import kr.seoul.sogong.outcomes.intake.SourceKind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The input kit of a round: one results workbook per center
 * ({@code <code>_<round>_결과.xlsx}, the three sheets with their Korean headers) and one
 * survey workbook ({@code 설문_<round>.xlsx}), each with Excel data validation on every
 * column the contract constrains, an input message saying the rule, dates formatted
 * yyyy-mm-dd, a frozen header, widths, print setup and a 작성 안내 sheet. Above each header,
 * locked, the center and round the workbook is for; the center code column offers that
 * center's code as its only choice (a row pre-filled with the code would not be blank,
 * and would be read as a row with its other fields missing).
 */
public final class InputKit {

    /**
     * The header sits on this (1-based) row, under the title; data starts on the next.
     */
    public static final int HEADER_ROW = 3;

    /** Rows of each sheet that carry the validations and formats. */
    static final int ROWS = 2000;

    private InputKit() {
    }

    /** What the kit says and checks about a column. */
    /** A satisfaction item's explanation in the kit: its label and the scale. */
    private static Rule likert(SurveyItem item, String example) {
        return new Rule(item.label() + ": 1~5, 모름은 9", example);
    }

    record Rule(String explanation, String example) {
    }

    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("center_code", new Rule("이 센터의 코드 (목록에서 선택)", "BONGIK")),
            Map.entry("brn",
                    new Rule("사업자등록번호 10자리 (000-00-00000). 마지막 자리는 앞 9자리로 계산하는 검증 숫자라, 한 자리만 틀려도 제외됩니다",
                            "124-81-00998")),
            Map.entry("firm_name", new Rule("업체명 (300자 이내)", "서울정밀")),
            Map.entry("support", new Rule("지원 내용 (선택)", "판로 컨설팅")),
            Map.entry("start_date", new Rule("지원시작일: 회차 연도 안의 날짜, yyyy-mm-dd", "{year}-03-02")),
            Map.entry("end_date", new Rule("지원종료일: 지원시작일 이후, 회차 연도 안의 날짜", "{year}-11-30")),
            Map.entry("education_hours", new Rule("교육이수시간: 0 이상의 숫자 (소수 둘째 자리까지)", "12.5")),
            Map.entry("completed", new Rule("수료여부: Y 또는 N", "Y")),
            Map.entry("sales_before_k", new Rule("지원 전 매출 (천원): 0 이상의 숫자", "120000")),
            Map.entry("sales_after_k", new Rule("지원 후 매출 (천원): 0 이상의 숫자", "135000")),
            Map.entry("new_clients", new Rule("신규 거래처 수: 0 이상의 정수", "2")),
            Map.entry("new_orders", new Rule("신규 수주 건수: 0 이상의 정수", "3")),
            Map.entry("online_listed", new Rule("온라인 입점: Y 또는 N", "N")),
            Map.entry("patterns", new Rule("개발 패턴 수: 0 이상의 정수", "4")),
            Map.entry("item", new Rule("비목 (예: 인건비, 교육운영비, 컨설팅비, 홍보마케팅비, 플랫폼입점비)", "인건비")),
            Map.entry("planned_krw", new Rule("계획 금액 (원): 0 이상의 정수", "30000000")),
            Map.entry("executed_krw", new Rule("집행 금액 (원): 0 이상의 정수", "28500000")),
            Map.entry("response_id", new Rule("응답 번호: 응답마다 다른 값", "R{year}-0001")),
            Map.entry("submitted_at", new Rule("제출 일시: 회차 연도 안, yyyy-mm-dd hh:mm", "{year}-10-02 14:01")),
            Map.entry("center", new Rule("소속 센터: 목록에서 선택 (코드)", "BONGIK")),
            Map.entry("employees", new Rule("상시근로자 수: 0 이상의 정수. 10명 이상이면 소공인이 아니어서 경고", "6")),
            Map.entry(SurveyItem.Q1.code(), likert(SurveyItem.Q1, "4")),
            Map.entry(SurveyItem.Q2.code(), likert(SurveyItem.Q2, "4")),
            Map.entry(SurveyItem.Q3.code(), likert(SurveyItem.Q3, "3")),
            Map.entry(SurveyItem.Q4.code(), likert(SurveyItem.Q4, "5")),
            Map.entry(SurveyItem.Q5.code(), likert(SurveyItem.Q5, "4")),
            Map.entry(SurveyItem.Q6.code(), likert(SurveyItem.Q6, "9")),
            Map.entry("needs", new Rule("희망 지원 분야: 판로, 홍보, 디자인, 기술, 교육, 자금, 인력 중에서 ; 로 구분", "판로;디자인")),
            Map.entry("comment", new Rule("기타 의견 (선택)", "")));

    /** Writes {@code <out>/<round>/}; returns the files written. */
    public static List<Path> write(Path out, int round, List<Center> centers) throws IOException {
        Path dir = out.resolve(String.valueOf(round));
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Center center : centers) {
            Path file = dir.resolve(center.code() + "_" + round + "_결과.xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                Styles styles = new Styles(wb);
                for (SourceKind kind : SourceKind.RESULTS) {
                    Sheet sheet = wb.createSheet(kind.koreanSheet());
                    layout(wb, sheet, styles, kind, round,
                            center.name() + " (" + center.code() + ") · " + round + "년 " + kind.koreanSheet(),
                            List.of(center.code()));
                }
                instructions(wb, styles, SourceKind.RESULTS, round);
                save(wb, file);
            }
            written.add(file);
        }
        Path survey = dir.resolve("설문_" + round + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            Sheet sheet = wb.createSheet("응답");
            layout(wb, sheet, styles, SourceKind.SURVEY, round, round + "년 소공인 지원사업 만족도 설문",
                    centers.stream().map(Center::code).toList());
            instructions(wb, styles, List.of(SourceKind.SURVEY), round);
            save(wb, survey);
        }
        written.add(survey);
        return written;
    }

    private static void layout(XSSFWorkbook wb, Sheet sheet, Styles styles, SourceKind kind, int round, String title,
            List<String> centerCodes) {
        Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(styles.title);
        Cell hint = sheet.createRow(1).createCell(0);
        hint.setCellValue("3행이 제목 행입니다. 4행부터 한 행에 한 건씩 입력하세요. 규칙은 '작성 안내' 시트에 있습니다.");
        hint.setCellStyle(styles.locked);
        Row header = sheet.createRow(HEADER_ROW - 1);
        List<Column> columns = kind.columns();
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Cell cell = header.createCell(c);
            cell.setCellValue(column.korean());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, Math.max(12, Math.min(40, column.korean().length() * 3)) * 256);
            CellStyle dataStyle = switch (column.alias()) {
                case "start_date", "end_date" -> styles.date;
                case "submitted_at" -> styles.dateTime;
                default -> styles.unlocked;
            };
            sheet.setDefaultColumnStyle(c, dataStyle);
            CellRangeAddressList range = new CellRangeAddressList(HEADER_ROW, HEADER_ROW + ROWS - 1, c, c);
            DataValidationConstraint constraint = constraint(helper, column.alias(), round, centerCodes);
            Rule rule = RULES.get(column.alias());
            if (constraint == null && rule == null) {
                continue;
            }
            DataValidation validation = helper
                .createValidation(constraint != null ? constraint : helper.createCustomConstraint("TRUE"), range);
            if (rule != null) {
                validation.createPromptBox(column.korean(), rule.explanation());
                validation.setShowPromptBox(true);
            }
            if (constraint != null) {
                validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                validation.createErrorBox(column.korean(), rule == null ? "허용되지 않는 값입니다" : rule.explanation());
                validation.setShowErrorBox(true);
            }
            validation.setEmptyCellAllowed(true);
            sheet.addValidationData(validation);
        }
        sheet.createFreezePane(0, HEADER_ROW);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, -1, -1));
        // the title and header are locked; the data cells are not (no password: adding
        // more than the
        // prepared rows needs only 검토 > 시트 보호 해제)
        sheet.protectSheet("");
    }

    /**
     * The contract's constraint on a column, as Excel data validation; null where there
     * is none.
     */
    static @Nullable DataValidationConstraint constraint(DataValidationHelper helper, String alias, int round,
            List<String> centerCodes) {
        double first = DateUtil.getExcelDate(LocalDate.of(round, 1, 1));
        double last = DateUtil.getExcelDate(LocalDate.of(round, 12, 31));
        double lastMoment = DateUtil.getExcelDate(LocalDateTime.of(round, 12, 31, 23, 59, 59));
        return switch (alias) {
            case "center_code", "center" -> helper.createExplicitListConstraint(centerCodes.toArray(String[]::new));
            case "brn" -> helper.createTextLengthConstraint(OperatorType.BETWEEN, "10", "12");
            case "start_date", "end_date" -> helper.createDateConstraint(OperatorType.BETWEEN,
                    String.valueOf((long) first), String.valueOf((long) last), "yyyy-mm-dd");
            case "submitted_at" ->
                helper.createDecimalConstraint(OperatorType.BETWEEN, String.valueOf(first), String.valueOf(lastMoment));
            case "completed", "online_listed" -> helper.createExplicitListConstraint(new String[] { "Y", "N" });
            case "education_hours", "sales_before_k", "sales_after_k", "planned_krw", "executed_krw" ->
                helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
            case "new_clients", "new_orders", "patterns", "employees" ->
                helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
            default -> SurveyItem.ofCode(alias).isPresent()
                    ? helper.createExplicitListConstraint(new String[] { "1", "2", "3", "4", "5", "9" }) : null;
        };
    }

    private static void instructions(XSSFWorkbook wb, Styles styles, List<SourceKind> kinds, int round) {
        Sheet sheet = wb.createSheet("작성 안내");
        int r = 0;
        Cell title = sheet.createRow(r++).createCell(0);
        title.setCellValue("작성 안내: 각 열의 규칙과 예시. 규칙을 어긴 행은 성과 집계에서 제외되거나(REJECT) 경고(WARN)로 표시됩니다.");
        title.setCellStyle(styles.title);
        r++;
        for (SourceKind kind : kinds) {
            Row head = sheet.createRow(r++);
            String[] labels = { kind == SourceKind.SURVEY ? "응답" : kind.koreanSheet() + " 시트", "필수", "규칙", "예시" };
            for (int i = 0; i < labels.length; i++) {
                Cell c = head.createCell(i);
                c.setCellValue(labels[i]);
                c.setCellStyle(styles.header);
            }
            for (Column column : kind.columns()) {
                Row row = sheet.createRow(r++);
                Rule rule = RULES.getOrDefault(column.alias(), new Rule("", ""));
                row.createCell(0).setCellValue(column.korean() + " (" + column.alias() + ")");
                row.createCell(1).setCellValue(column.required() ? "필수" : "선택");
                row.createCell(2).setCellValue(rule.explanation());
                row.createCell(3).setCellValue(rule.example().replace("{year}", String.valueOf(round)));
                row.getCell(2).setCellStyle(styles.wrap);
            }
            r++;
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 8 * 256);
        sheet.setColumnWidth(2, 70 * 256);
        sheet.setColumnWidth(3, 20 * 256);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private static void save(XSSFWorkbook wb, Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temp)) {
            wb.write(out);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final class Styles {

        final CellStyle title;

        final CellStyle header;

        final CellStyle locked;

        final CellStyle unlocked;

        final CellStyle date;

        final CellStyle dateTime;

        final CellStyle wrap;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            title = wb.createCellStyle();
            title.setFont(bold);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            locked = wb.createCellStyle();
            unlocked = wb.createCellStyle();
            unlocked.setLocked(false);
            date = wb.createCellStyle();
            date.setLocked(false);
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            dateTime = wb.createCellStyle();
            dateTime.setLocked(false);
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
        }

    }

}
