package kr.seoul.sogong.outcomes.bench;

import java.nio.file.Path;
import java.util.List;
import kr.seoul.sogong.outcomes.centers.CenterDirectory;
import kr.seoul.sogong.outcomes.centers.CentersFile;
import kr.seoul.sogong.outcomes.intake.RowSource;
import kr.seoul.sogong.outcomes.validation.RowValidationProcessor;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.intake.Splitting;
import kr.seoul.sogong.outcomes.intake.SourceRow;

/**
 * The job's own parse + validate path on one thread, without the database or Spring
 * Batch: every file of the round through its row source and the row rules. Prints rows
 * per second of the last of three passes (the JIT warm), the figure the "≥ 500,000 rows/s
 * on one core" target is about. Usage: ParseValidate <input/round dir>
 */
public final class ParseValidate {

    public static void main(String[] args) throws Exception {
        Path roundDir = Path.of(args[0]);
        int round = Integer.parseInt(roundDir.getFileName().toString());
        RowValidationProcessor rules = new RowValidationProcessor(
                new CenterDirectory(CentersFile.read(roundDir.resolve("centers.csv"))), round, 10_000);
        List<SourceFiles.InputFile> files = SourceFiles.list(roundDir).files();
        for (int pass = 1; pass <= 3; pass++) {
            long rows = 0;
            long rejected = 0;
            long start = System.nanoTime();
            for (SourceFiles.InputFile f : files) {
                SourceFiles.Admission a = SourceFiles.inspect(f, Splitting.NEVER);
                try (RowSource source = SourceFiles.open(roundDir, f.sourceFile(), a.kind(), a.encoding())) {
                    SourceRow row;
                    while ((row = source.next()) != null) {
                        rows++;
                        if (rules.process(row).record() == null) {
                            rejected++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("pass %d: %,d rows (%,d rejected) in %.2fs = %,.0f rows/s, one thread%n", pass, rows,
                    rejected, seconds, rows / seconds);
        }
    }

}
