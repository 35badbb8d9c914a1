package kr.seoul.sogong.outcomes.crossrow;

import kr.seoul.sogong.outcomes.rows.RowTable;
import kr.seoul.sogong.outcomes.rows.BusinessRegistrationNumber;
import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;

import kr.seoul.sogong.outcomes.findings.Severity;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.function.LongFunction;

import kr.seoul.sogong.outcomes.centers.Center;
import kr.seoul.sogong.outcomes.store.DigestStore;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.store.RowTables;
import kr.seoul.sogong.outcomes.store.Verdict;
import kr.seoul.sogong.outcomes.store.VerdictStore;
import kr.seoul.sogong.outcomes.store.RowDigests;
import kr.seoul.sogong.outcomes.store.RowPlace;
import kr.seoul.sogong.outcomes.intake.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The rules that need more than one row — DUPLICATE, NOT_PARTICIPANT, OVER_CAP — in the
 * order of contract §7: participants' DUPLICATE first (NOT_PARTICIPANT looks at accepted
 * participants), then NOT_PARTICIPANT, then DUPLICATE among rows still accepted.
 *
 * <p>
 * They judge the digests the ingest stored with each chunk ({@link RowDigests}: firm,
 * center, place in the file, submission time), not the row tables: the digests of a
 * million rows are read in well under a second where a scan of a row table took two on
 * H2, and a restart keeps the digests of every chunk committed before it. They are judged
 * as columns of primitives ({@link KeyedRows}), sorted by firm, so a national round costs
 * no lookup per row. Only the rows the rules set apart are touched in the tables, by
 * their place, and listed in {@code cross_row_verdict} for the outcome tables.
 *
 * <p>
 * It starts by undoing its own previous verdicts and runs in one transaction, so the
 * result depends only on the stored rows: the same after a restart, or after one file
 * changed, as in one clean run.
 */
@Component
@StepScope
public class CrossRowRulesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CrossRowRulesTasklet.class);

    private final IntakeStore store;

    private final FindingStore findingStore;

    private final RowTables rows;

    private final VerdictStore verdictStore;

    private final DigestStore digests;

    private final int round;

    public CrossRowRulesTasklet(IntakeStore store, FindingStore findingStore, RowTables rows, VerdictStore verdictStore,
            DigestStore digests, @JobRound int round) {
        this.digests = digests;
        this.findingStore = findingStore;
        this.rows = rows;
        this.verdictStore = verdictStore;
        this.store = store;
        this.round = round;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        int earlier = findingStore.deleteCrossRow(round);
        // these rules flag a row only together with a finding on it, so without an
        // earlier finding no row is flagged, and four full scans (4.5 s at 1M rows on
        // H2) are saved
        if (earlier > 0) {
            rows.resetMarks(round);
        }
        verdictStore.forgetRound(round);
        int rebuilt = store.storeMissingDigests(round);
        if (rebuilt > 0) {
            log.info("round {}: digests built from the stored rows of {} files stored before digests were", round,
                    rebuilt);
        }
        List<Center> centers = store.centers(round);
        Names names = new Names(store.allFiles(round), centers);

        List<KeyedRows.Verdict> verdicts = new ArrayList<>();
        long[] participants = names.read(RowTable.PARTICIPANT).participants(names.knownCenters, verdicts);
        long settled = settle(RowTable.PARTICIPANT, kept -> names.pointingHere("duplicate.participant", kept), verdicts,
                names);
        verdicts.clear();
        names.read(RowTable.OUTCOME).outcomes(participants, verdicts);
        settled += settle(RowTable.OUTCOME, kept -> names.pointingHere("duplicate.outcome", kept), verdicts, names);
        verdicts.clear();
        names.read(RowTable.SURVEY_RESPONSE).survey(participants, verdicts);
        settled += settle(RowTable.SURVEY_RESPONSE, kept -> names.pointingHere("duplicate.survey", kept), verdicts,
                names);
        List<Finding> findings = new ArrayList<>(names.twoSources());
        Map<String, List<Source>> budgetSources = budgetSources(names.fileSeq, centers);
        List<Finding> budgetInTwo = twoSources(SourceKind.BUDGET, budgetSources);
        findings.addAll(budgetInTwo);
        findings.addAll(overCap(budgetSources,
                budgetInTwo.stream().map(Finding::value).collect(java.util.stream.Collectors.toSet())));
        findingStore.insert(round, findings, true);
        contribution.incrementWriteCount(settled + findings.size());
        log.info("round {}: {} findings across rows (DUPLICATE, NOT_PARTICIPANT, OVER_CAP, TWO_SOURCES)", round,
                settled + findings.size());
        return RepeatStatus.FINISHED;
    }

    /** Verdicts settled at a time: their findings and places are a few MB. */
    private static final int SETTLE_SLICE = 20_000;

    /**
     * Marks the rows a table's verdicts name — rejected ({@code accepted = false}), or a
     * respondent who is not a participant ({@code participant = false}) — and stores
     * their findings; returns how many. A slice at a time: a survey answered by none of
     * the participants (their lists not yet handed in) is a finding per row, too many to
     * hold at once in the heap of a national round.
     */
    private long settle(RowTable table, LongFunction<Message> duplicateOf, List<KeyedRows.Verdict> verdicts,
            Names names) {
        for (int from = 0; from < verdicts.size(); from += SETTLE_SLICE) {
            List<KeyedRows.Verdict> slice = verdicts.subList(from, Math.min(verdicts.size(), from + SETTLE_SLICE));
            List<Verdict> placed = new ArrayList<>(slice.size());
            List<Finding> findings = new ArrayList<>(slice.size());
            for (KeyedRows.Verdict v : slice) {
                placed.add(new Verdict(table, names.file(v.place()), RowPlace.sheetIndex(v.place()),
                        RowPlace.rowNumber(v.place()), v.severity() == Severity.REJECT));
                findings.add(names.finding(v, duplicateOf));
            }
            rows.mark(round, placed);
            // the outcome tables read these instead of the flags (a scan of the row
            // table)
            verdictStore.insert(round, placed);
            findingStore.insert(round, findings, true);
        }
        return verdicts.size();
    }

    /** The names behind the numbers of {@link KeyedRows}: files, sheets, centers. */
    private final class Names {

        private final Map<String, Integer> fileSeq = new HashMap<>();

        private final Map<Integer, String> fileName = new HashMap<>();

        private final Map<Long, String> sheetName = new HashMap<>();

        private final List<String> centers = new ArrayList<>();

        private final Map<String, Integer> centerIndex = new HashMap<>();

        private final int knownCenters;

        /** Per results table and center, the (file, sheet)s its rows come from. */
        private final Map<RowTable, Map<String, java.util.TreeSet<Long>>> sources = new LinkedHashMap<>();

        private final Map<RowTable, SourceKind> kindOfTable = Map.of(RowTable.PARTICIPANT, SourceKind.PARTICIPANTS,
                RowTable.OUTCOME, SourceKind.OUTCOMES);

        /** TWO_SOURCES for the participants and outcomes read so far. */
        List<Finding> twoSources() {
            List<Finding> found = new ArrayList<>();
            sources.forEach((table, byCenter) -> {
                Map<String, List<Source>> named = new LinkedHashMap<>();
                byCenter.forEach(
                        (center, places) -> places.forEach(p -> named.computeIfAbsent(center, c -> new ArrayList<>())
                            .add(new Source(center, fileOfSeq((int) (p >>> 32)), sheetOfKey(p), (int) (p >>> 32)))));
                found.addAll(CrossRowRulesTasklet
                    .twoSources(Objects.requireNonNull(kindOfTable.get(table), "a results table"), named));
            });
            return found;
        }

        Names(List<IntakeStore.StoredFile> files, List<Center> known) {
            files.forEach(f -> {
                fileSeq.put(f.sourceFile(), f.fileSeq());
                fileName.put(f.fileSeq(), f.sourceFile());
            });
            known.forEach(c -> centerIndex(c.code()));
            this.knownCenters = centers.size();
        }

        private int centerIndex(String code) {
            return centerIndex.computeIfAbsent(code, c -> {
                centers.add(c);
                return centers.size() - 1;
            });
        }

        KeyedRows read(RowTable table) {
            boolean survey = table == RowTable.SURVEY_RESPONSE;
            KeyedRows rows = new KeyedRows(survey, digests.count(round, table));
            long[] lastSource = { -1 };
            String[] lastCenter = { null };
            digests.read(round, table, r -> {
                Integer seq = fileSeq.get(r.sourceFile);
                // a file's digests go with it (IntakeStore.forgetFile)
                if (seq == null) {
                    throw new IllegalStateException("digests of " + r.sourceFile + ", a file the round does not have");
                }
                sheetName.putIfAbsent(((long) seq << 32) | r.sheetIndex, r.sheet);
                long sheetOfFile = ((long) seq << 32) | r.sheetIndex;
                // digests come in file and sheet order: a center's sheet is noted
                // once, not per row
                if (!survey && (sheetOfFile != lastSource[0] || !r.center.equals(lastCenter[0]))) {
                    lastSource[0] = sheetOfFile;
                    lastCenter[0] = r.center;
                    sources.computeIfAbsent(table, t -> new LinkedHashMap<>())
                        .computeIfAbsent(r.center, c -> new java.util.TreeSet<>())
                        .add(sheetOfFile);
                }
                rows.add(centerIndex(r.center) * KeyedRows.FIRMS_PER_CENTER + r.brn,
                        RowPlace.of(seq, r.sheetIndex, r.rowNumber), survey ? r.submittedAtMicros : 0);
            });
            return rows;
        }

        String file(long place) {
            return fileOfSeq(RowPlace.fileSeq(place));
        }

        String sheet(long place) {
            return sheetOfKey(((long) RowPlace.fileSeq(place) << 32) | RowPlace.sheetIndex(place));
        }

        // every row's file is one of the round's files
        private String fileOfSeq(int fileSeq) {
            return Objects.requireNonNull(fileName.get(fileSeq), "a row of an unlisted file");
        }

        // every sheet a row was read from was named as it was read
        private String sheetOfKey(long fileAndSheet) {
            return Objects.requireNonNull(sheetName.get(fileAndSheet), "a row of an unnamed sheet");
        }

        String center(long firm) {
            return centers.get((int) (firm / KeyedRows.FIRMS_PER_CENTER));
        }

        /**
         * A message that points at a row: {@code <key>} or, in a workbook,
         * {@code <key>.sheet}.
         */
        Message pointingHere(String key, long place) {
            String sheet = sheet(place);
            return sheet.isEmpty() ? Message.of(key, file(place), RowPlace.rowNumber(place))
                    : Message.of(key + ".sheet", file(place), sheet, RowPlace.rowNumber(place));
        }

        Finding finding(KeyedRows.Verdict v, LongFunction<Message> duplicateOf) {
            String masked = BusinessRegistrationNumber
                .masked(String.format("%010d", v.firm() % KeyedRows.FIRMS_PER_CENTER));
            Message message = v.rule() == Rule.NOT_PARTICIPANT ? Message.of("notParticipant", center(v.firm()))
                    : duplicateOf.apply(v.keptPlace());
            return new Finding(file(v.place()), sheet(v.place()), RowPlace.rowNumber(v.place()), "brn", masked,
                    v.rule(), v.severity(), message);
        }

    }

    /** A file (and sheet) a center's rows of one kind come from. */
    record Source(String center, String file, String sheet, int fileSeq) {
    }

    /** A center's budget sums per file and sheet, with its cap. */
    private record BudgetPart(Source source, long planned, long cap) {
    }

    private final Map<Source, BudgetPart> budgetParts = new HashMap<>();

    /** Each center's budget sources in reading order (file, then sheet). */
    private Map<String, List<Source>> budgetSources(Map<String, Integer> fileSeq, List<Center> centers) {
        Map<String, Long> caps = new HashMap<>();
        centers.forEach(c -> caps.put(c.code(), c.budgetCapKrw()));
        Map<String, List<Source>> byCenter = new LinkedHashMap<>();
        budgetParts.clear();
        for (RowTables.BudgetSheet b : rows.budgetBySheet(round)) {
            Long cap = caps.get(b.centerCode());
            if (cap == null) {
                // a center not in centers.csv: its lines were rejected, none is stored
                continue;
            }
            Source source = new Source(b.centerCode(), b.sourceFile(), b.sheet(),
                    fileSeq.getOrDefault(b.sourceFile(), 0));
            byCenter.computeIfAbsent(source.center(), k -> new ArrayList<>()).add(source);
            budgetParts.put(source, new BudgetPart(source, b.planned(), cap));
        }
        byCenter.values()
            .forEach(list -> list.sort(Comparator.comparingInt(Source::fileSeq).thenComparing(Source::sheet)));
        return byCenter;
    }

    /**
     * A center whose planned budget total exceeds its cap, reported on its budget file;
     * not judged where the budget comes from two files (TWO_SOURCES says so, and the sum
     * of both would blame the center for the double count).
     */
    private List<Finding> overCap(Map<String, List<Source>> budgetSources, java.util.Set<String> inTwo) {
        List<Finding> findings = new ArrayList<>();
        budgetSources.forEach((center, sources) -> {
            if (inTwo.contains(center)) {
                return;
            }
            // each source of the budget has its part
            BudgetPart first = Objects.requireNonNull(budgetParts.get(sources.get(0)));
            long planned = sources.stream().mapToLong(s -> Objects.requireNonNull(budgetParts.get(s)).planned()).sum();
            if (planned > first.cap()) {
                findings.add(Finding.of(first.source().file(), first.source().sheet(), null, "planned_krw",
                        String.valueOf(planned), Rule.OVER_CAP, Message.of("overCap", center, planned, first.cap())));
            }
        });
        return findings;
    }

    /** The sheet as the finding names it: 예산 (budget). */
    static String sheetLabel(SourceKind kind) {
        return kind.koreanSheet() + " (" + kind.englishSheet() + ")";
    }

    /**
     * Contract §9: a center's rows of one kind from more than one file or sheet — a CSV
     * beside the workbook, a corrected copy beside the original — are never combined: one
     * TWO_SOURCES finding on each later source, naming the first, for the gate.
     */
    static List<Finding> twoSources(SourceKind kind, Map<String, List<Source>> byCenter) {
        List<Finding> findings = new ArrayList<>();
        byCenter.forEach((center, sources) -> {
            sources.sort(Comparator.comparingInt(Source::fileSeq).thenComparing(Source::sheet));
            Source first = sources.get(0);
            for (Source later : sources.subList(1, sources.size())) {
                findings.add(Finding.of(later.file(), later.sheet(), null, "center_code", center, Rule.TWO_SOURCES,
                        Message.of("twoSources", center, sheetLabel(kind), placeOf(first), placeOf(later))));
            }
        });
        return findings;
    }

    private static String placeOf(Source s) {
        return s.sheet().isEmpty() ? s.file() : s.file() + " (" + s.sheet() + ")";
    }

}
