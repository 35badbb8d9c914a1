package kr.seoul.sogong.outcomes.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a round's source files, fingerprints them, and opens them as rows (contract §1–2). */
public final class SourceFiles {

    public static final String SURVEY_DIR = "survey";
    public static final String RESULTS_DIR = "results";

    /**
     * A file under {@code input/<round>/}: {@code sourceFile} is its path relative to that folder, with '/'.
     *
     * @param lineBreaks counted in the same pass as the sha256; a CSV's data rows are about this many
     *                   minus the header (for progress only)
     */
    public record InputFile(String sourceFile, Path path, String sha256, long sizeBytes, long lineBreaks) {
        public boolean isSurvey() {
            return sourceFile.startsWith(SURVEY_DIR + "/");
        }

        public String extension() {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1);
        }
    }

    /** What admission decided: the kind of rows a file holds (SURVEY, or null for a workbook of results) and its encoding. */
    public record Admission(String kind, String encoding, Long estimatedRows) {
    }

    public static final String RESULTS_WORKBOOK = "RESULTS_WORKBOOK";

    private SourceFiles() {
    }

    /** Survey and results files, sorted by relative path; hidden files and Excel's lock files are not inputs. */
    public static List<InputFile> list(Path roundDir) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (String dir : List.of(SURVEY_DIR, RESULTS_DIR)) {
            Path folder = roundDir.resolve(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> paths = Files.list(folder)) {
                for (Path p : paths.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (!Files.isRegularFile(p) || name.startsWith(".") || name.startsWith("~$")) {
                        continue;
                    }
                    Fingerprint f = fingerprint(p);
                    files.add(new InputFile(dir + "/" + name, p, f.sha256(), Files.size(p), f.lineBreaks()));
                }
            }
        }
        files.sort((a, b) -> a.sourceFile().compareTo(b.sourceFile()));
        return files;
    }

    public static String sha256(Path file) throws IOException {
        return fingerprint(file).sha256();
    }

    /** A file's sha256 and its count of line-feed bytes (a line break in UTF-8 and CP949 alike), in one pass. */
    record Fingerprint(String sha256, long lineBreaks) {
    }

    static Fingerprint fingerprint(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long lineBreaks = 0;
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    digest.update(buffer, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lineBreaks++;
                        }
                    }
                }
            }
            return new Fingerprint(HexFormat.of().formatHex(digest.digest()), lineBreaks);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks that a file can be read as rows: encoding, workbook, sheets and headers. */
    public static Admission inspect(InputFile file) throws IOException, UnreadableFileException {
        switch (file.extension()) {
            case "csv" -> {
                SourceKind kind = csvKind(file);
                Charset charset = TextEncoding.detect(file.path()).orElseThrow(() -> new UnreadableFileException(
                        "the file is neither UTF-8 nor CP949 (EUC-KR) text; save it again as CSV UTF-8"));
                try (CsvRowSource ignored = new CsvRowSource(file.path(), file.sourceFile(), kind, charset)) {
                    return new Admission(kind.name(), TextEncoding.name(charset), Math.max(0, file.lineBreaks() - 1));
                }
            }
            case "xlsx", "xlsm" -> {
                if (file.sizeBytes() == 0) {
                    throw new UnreadableFileException("the file is empty: no header row");
                }
                try (WorkbookRowSource source = new WorkbookRowSource(file.path(), file.sourceFile(), file.isSurvey())) {
                    source.checkHeaders();
                }
                return new Admission(file.isSurvey() ? SourceKind.SURVEY.name() : RESULTS_WORKBOOK, null, null);
            }
            default -> throw new UnreadableFileException("not a .csv or .xlsx file"
                    + (file.extension().equals("xls") ? " (an old .xls workbook: save it as .xlsx)" : ""));
        }
    }

    /** Opens an admitted file's data rows. */
    public static RowSource open(Path roundDir, String sourceFile, String kind, String encoding)
            throws IOException, UnreadableFileException {
        Path path = roundDir.resolve(sourceFile);
        if (sourceFile.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new CsvRowSource(path, sourceFile, SourceKind.valueOf(kind), TextEncoding.forName(encoding));
        }
        return new WorkbookRowSource(path, sourceFile, SourceKind.SURVEY.name().equals(kind));
    }

    private static SourceKind csvKind(InputFile file) throws UnreadableFileException {
        if (file.isSurvey()) {
            return SourceKind.SURVEY;
        }
        Optional<SourceKind> kind = SourceKind.ofResultsCsv(file.path().getFileName().toString());
        return kind.orElseThrow(() -> new UnreadableFileException("cannot tell which sheet this results CSV holds:"
                + " name it <anything>_participants.csv, _outcomes.csv or _budget.csv"));
    }
}
