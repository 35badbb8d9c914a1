package kr.seoul.sogong.outcomes.corrections;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoul.sogong.outcomes.centers.CenterDirectory;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.intake.SourceKind;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.store.FindingFilter;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.store.IntakeStore.StoredFile;

/**
 * Cross-row findings whose cause is another rejected row. An outcome row or a survey
 * answer is "not a participant" of its center when the firm's row on the participant list
 * was itself rejected by a rule of one row (a date out of order, a missing field): the
 * firm is on the list as the center wrote it, and fixing that one row clears every such
 * finding. Said in the finding's message (rejects.csv and the center's workbook, which
 * also groups the findings one fix clears), instead of "not on your list" three times.
 *
 * <p>
 * A DUPLICATE cannot have this cause here: the rules across rows judge accepted rows
 * only, so the row a duplicate is measured against was never rejected.
 */
public final class RootCauses {

    /** A row of a file (and sheet). */
    record Place(String file, String sheet, int row) {
    }

    /** The rejected participant row and the rule of one row that rejected it. */
    record Cause(Place row, Rule rule) {
    }

    /** A firm of a center: its code and its business number's digits. */
    private record Firm(String center, String brn) {
    }

    private static final Set<Rule> ACROSS_ROWS = EnumSet.of(Rule.DUPLICATE, Rule.NOT_PARTICIPANT, Rule.OVER_CAP,
            Rule.TWO_SOURCES);

    static final RootCauses NONE = new RootCauses(Map.of());

    private final Map<Place, Cause> causes;

    private RootCauses(Map<Place, Cause> causes) {
        this.causes = causes;
    }

    /**
     * The finding, its message naming the row to fix when another rejected row is its
     * cause; else the finding as it is.
     */
    public Finding explained(Finding f) {
        Optional<Cause> cause = causeOf(f);
        if (cause.isEmpty()) {
            return f;
        }
        Place row = cause.get().row();
        String center = f.message().args().isEmpty() ? "" : f.message().args().get(0);
        Message message = row.sheet().isEmpty()
                ? Message.of("notParticipant.rejectedRow", center, row.file(), row.row(), cause.get().rule())
                : Message.of("notParticipant.rejectedRow.sheet", center, row.file(), row.sheet(), row.row(),
                        cause.get().rule());
        return new Finding(f.sourceFile(), f.sheet(), f.rowNumber(), f.field(), f.value(), f.rule(), f.severity(),
                message);
    }

    /** The rejected row whose fix clears this finding, if any. */
    Optional<Cause> causeOf(Finding f) {
        if (f.rule() != Rule.NOT_PARTICIPANT || f.rowNumber() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(causes.get(new Place(f.sourceFile(), f.sheet(), (int) f.rowNumber())));
    }

    static RootCauses find(int round, FindingStore findings, Map<String, StoredFile> files, CenterDirectory centers,
            FindingRows rows) throws Exception {
        // first the rows of the results files a rule of one row rejected: few, and read
        // again only from the files that have them
        List<Finding> rejected = new ArrayList<>();
        findings.each(round, new FindingFilter(null, null, null, Severity.REJECT), f -> {
            if (f.rowNumber() != null && !ACROSS_ROWS.contains(f.rule())
                    && f.sourceFile().startsWith(SourceFiles.RESULTS_DIR + "/")) {
                rejected.add(f);
            }
        });
        Map<Firm, Cause> rejectedParticipants = new LinkedHashMap<>();
        readFirms(round, rejected, files, centers, rows, (place, f, row, firm) -> {
            if (row.kind() == SourceKind.PARTICIPANTS) {
                // the first rule that rejected the row, in the order they were found
                rejectedParticipants.putIfAbsent(firm, new Cause(place, f.rule()));
            }
        });
        if (rejectedParticipants.isEmpty()) {
            return NONE;
        }
        // then only the NOT_PARTICIPANT rows of a center with such a row (the finding
        // names its center): a large survey file is not read again for nothing
        Set<String> centersWithCause = new java.util.HashSet<>();
        rejectedParticipants.keySet().forEach(firm -> centersWithCause.add(firm.center()));
        List<Finding> notParticipants = new ArrayList<>();
        findings.each(round, new FindingFilter(null, null, Rule.NOT_PARTICIPANT, null), f -> {
            if (f.rowNumber() != null && !f.message().args().isEmpty()
                    && centersWithCause.contains(f.message().args().get(0))) {
                notParticipants.add(f);
            }
        });
        Map<Place, Cause> causes = new LinkedHashMap<>();
        readFirms(round, notParticipants, files, centers, rows, (place, f, row, firm) -> {
            Cause cause = rejectedParticipants.get(firm);
            if (cause != null) {
                causes.put(place, cause);
            }
        });
        return new RootCauses(causes);
    }

    /** What to do with a finding's row read again, and the firm it names. */
    private interface FirmRow {

        void accept(Place place, Finding finding, SourceRow row, Firm firm);

    }

    /**
     * Reads again, a file at a time, the rows the findings (each pointing at a row) point
     * at, and hands on those that name a firm.
     */
    private static void readFirms(int round, List<Finding> pointing, Map<String, StoredFile> files,
            CenterDirectory centers, FindingRows rows, FirmRow then) throws Exception {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        pointing.forEach(f -> byFile.computeIfAbsent(f.sourceFile(), k -> new ArrayList<>()).add(f));
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            Map<Integer, SourceRow> read = rows.of(round, files.get(file.getKey()), file.getValue());
            for (Finding f : file.getValue()) {
                int rowNumber = java.util.Objects.requireNonNull(f.rowNumber());
                SourceRow row = read.get(FindingRows.key(f.sheet(), rowNumber));
                Optional<Firm> firm = row == null ? Optional.empty() : firmOf(row, centers);
                if (row != null && firm.isPresent()) {
                    then.accept(new Place(f.sourceFile(), f.sheet(), rowNumber), f, row, firm.get());
                }
            }
        }
    }

    /**
     * The firm a row names: its center (a survey names it by code or name) and number.
     */
    private static Optional<Firm> firmOf(SourceRow row, CenterDirectory centers) {
        String brn = row.value("brn").replaceAll("[^0-9]", "");
        if (brn.length() != 10) {
            return Optional.empty();
        }
        String center = row.hasColumn("center_code") ? row.value("center_code").strip()
                : centers.find(row.value("center").strip()).map(c -> c.code()).orElse("");
        return center.isEmpty() ? Optional.empty() : Optional.of(new Firm(center, brn));
    }

}
