package kr.seoul.sogong.outcomes.ingest;

import kr.seoul.sogong.outcomes.intake.FileKind;
import kr.seoul.sogong.outcomes.centers.Center;
import kr.seoul.sogong.outcomes.centers.CentersFile;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.intake.Splitting;
import kr.seoul.sogong.outcomes.store.Dialect;
import kr.seoul.sogong.outcomes.intake.UnreadableFileException;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.findings.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of every run and every restart: makes the stored round mirror the input
 * folder. Loads centers.csv (a bad one fails the job), then compares each file's sha256
 * with what was read before: an unchanged file keeps its rows and its checkpoint, a
 * changed file loses its rows and is read again, a removed file's rows disappear, a new
 * file is admitted — or found UNREADABLE.
 */
@Component
@StepScope
public class RoundAdmissionTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RoundAdmissionTasklet.class);

    private final IntakeStore store;

    private final FindingStore findings;

    private final OutcomesProperties properties;

    private final Dialect dialect;

    private final int round;

    public RoundAdmissionTasklet(IntakeStore store, FindingStore findings, OutcomesProperties properties,
            Dialect dialect, @JobRound int round) {
        this.dialect = dialect;
        this.findings = findings;
        this.store = store;
        this.properties = properties;
        this.round = round;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path roundDir = properties.roundInput(round);
        if (!Files.isDirectory(roundDir)) {
            throw new CentersFile.InvalidCentersFileException("input folder " + roundDir + " does not exist");
        }
        // the round's folder, and the output root where its outputs are staged and
        // swapped in
        checkWritable(properties.roundOutput(round));
        checkWritable(properties.outputDir());
        Path centersFile = roundDir.resolve("centers.csv");
        List<Center> centers = CentersFile.read(centersFile);
        store.replaceCenters(round, centers, SourceFiles.sha256(centersFile));

        SourceFiles.Listing listing = SourceFiles.list(roundDir);
        List<SourceFiles.InputFile> files = listing.files();
        findings.replaceFolderNotes(round, listing.notes());
        for (Finding note : listing.notes()) {
            log.warn("{}: {}", note.sourceFile(), note.text());
        }
        Map<String, IntakeStore.StoredFile> stored = store.files(round);
        Set<String> present = new HashSet<>();
        int seq = 0;
        int admitted = 0;
        for (SourceFiles.InputFile file : files) {
            seq++;
            present.add(file.sourceFile());
            IntakeStore.StoredFile before = stored.get(file.sourceFile());
            if (before != null && before.sha256().equals(file.sha256())) {
                store.setFileSeq(round, file.sourceFile(), seq);
                continue;
            }
            if (before != null) {
                log.info("{} changed since it was read: its rows are read again", file.sourceFile());
                store.forgetFile(round, file.sourceFile());
            }
            admit(file, seq);
            admitted++;
        }
        for (String gone : stored.keySet()) {
            if (!present.contains(gone)) {
                log.info("{} is no longer in the input folder: its rows are removed", gone);
                store.forgetFile(round, gone);
            }
        }
        contribution.incrementReadCount();
        log.info("round {}: {} centers, {} source files ({} new or changed)", round, centers.size(), files.size(),
                admitted);
        return RepeatStatus.FINISHED;
    }

    /**
     * The outputs' folder cannot be written: said before any work, rather than as a bare
     * path at the end.
     */
    public static final class OutputNotWritableException extends RuntimeException {

        OutputNotWritableException(String message, Throwable cause) {
            super(message, cause);
        }

    }

    private static void checkWritable(Path out) {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".write-check", ".tmp");
            Files.delete(probe);
        }
        catch (java.io.IOException | SecurityException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file, not a folder, is in the way"
                            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            throw new OutputNotWritableException("cannot write the outputs to " + out.toAbsolutePath().normalize()
                    + " (" + reason + "): give the user running the job (" + System.getProperty("user.name")
                    + ") write access there, or set outcomes.output-dir, then run the same command", e);
        }
    }

    private void admit(SourceFiles.InputFile file, int seq) throws Exception {
        try {
            long start = System.nanoTime();
            SourceFiles.Admission admission = SourceFiles.inspect(file,
                    new Splitting(properties.ingestRangeBytes(dialect.postgres()), properties.ingestPartitions()));
            store.registerFile(round, file, seq, admission.kind(), admission.encoding(), IntakeStore.FileStatus.READY,
                    admission.estimatedRows(), admission.ranges());
            if (admission.ranges().size() > 1) {
                log.info("{}: {} MB, {} rows in {} byte ranges (admitted in {} s, the ranges' pass included)",
                        file.sourceFile(), file.sizeBytes() >> 20, admission.estimatedRows(), admission.ranges().size(),
                        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
            }
            findings.insert(round, admission.notes(), false);
        }
        catch (UnreadableFileException e) {
            log.warn("{} is UNREADABLE: {}", file.sourceFile(), e.getMessage());
            store.registerFile(round, file, seq, FileKind.UNKNOWN, null, IntakeStore.FileStatus.UNREADABLE, null,
                    List.of());
            findings.insert(round, List.of(Finding.unreadable(file.sourceFile(), e.sheet(), e.field(), e.reason())),
                    false);
        }
    }

}
