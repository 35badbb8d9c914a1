package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.findings.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Rule;

/**
 * Finds a round's source files, fingerprints them, and opens them as rows (contract
 * §1–2).
 */
public final class SourceFiles {

    public static final String SURVEY_DIR = "survey";

    public static final String RESULTS_DIR = "results";

    /**
     * A file under {@code input/<round>/}: {@code sourceFile} is its path relative to
     * that folder, with '/'.
     *
     * @param lineBreaks counted in the same pass as the sha256; a CSV's data rows are
     * about this many minus the header (for progress only)
     * @param unopenable why the file cannot even be opened (permissions), else null
     */
    public record InputFile(String sourceFile, Path path, String sha256, long sizeBytes, long lineBreaks,
            @Nullable Message unopenable) {
        public boolean isSurvey() {
            return sourceFile.startsWith(SURVEY_DIR + "/");
        }

        public String extension() {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1);
        }
    }

    /**
     * What admission decided: what the file is, its encoding, the ranges its rows are
     * read in (one, unless a large CSV), and findings about the file that do not stop it
     * being read (hidden sheets).
     */
    public record Admission(FileKind kind, @Nullable String encoding, @Nullable Long estimatedRows,
            List<FileRange> ranges, List<Finding> notes) {
    }

    private SourceFiles() {
    }

    /**
     * A round's source files, and round-level findings about what is in its folder but
     * not read.
     */
    public record Listing(List<InputFile> files, List<Finding> notes) {
    }

    /**
     * Survey and results files, subfolders included, sorted by relative path (contract
     * §8). Hidden files and Excel's lock files are not inputs. What else lies in the
     * round's folder, a missing or empty survey/ or results/, and links leading out of
     * the input folder are WARN notes. A file the job may not read is listed, to be found
     * UNREADABLE, never skipped.
     */
    public static Listing list(Path roundDir) throws IOException {
        List<InputFile> files = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        Path inputRoot = Objects.requireNonNull(roundDir.toAbsolutePath().normalize().getParent(),
                "a round's folder lies in the input folder");
        Path realRoot = inputRoot.toRealPath();
        try (Stream<Path> top = Files.list(roundDir)) {
            for (Path p : top.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.equals("centers.csv") && !name.equals(SURVEY_DIR) && !name.equals(RESULTS_DIR)
                        && !isIgnored(name)) {
                    notes
                        .add(note(name, Rule.NOT_READ, Message.of(Files.isDirectory(p) ? "strayFolder" : "strayFile")));
                }
            }
        }
        for (String dir : List.of(SURVEY_DIR, RESULTS_DIR)) {
            Path folder = roundDir.resolve(dir);
            int before = files.size();
            if (Files.isDirectory(folder)) {
                collect(roundDir, folder, realRoot, files, notes);
            }
            if (files.size() == before) {
                notes.add(note(dir, Rule.EMPTY_FOLDER,
                        Message.of((Files.isDirectory(folder) ? "emptyFolder." : "missingFolder.") + dir)));
            }
        }
        files.sort((a, b) -> a.sourceFile().compareTo(b.sourceFile()));
        return new Listing(files, notes);
    }

    private static boolean isIgnored(String name) {
        return name.startsWith(".") || name.startsWith("~$");
    }

    private static void collect(Path roundDir, Path folder, Path realRoot, List<InputFile> files, List<Finding> notes)
            throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (isIgnored(name)) {
                continue;
            }
            String relative = roundDir.relativize(p).toString().replace('\\', '/');
            if (Files.isSymbolicLink(p)) {
                Path target;
                try {
                    target = p.toRealPath();
                }
                catch (IOException e) {
                    notes.add(note(relative, Rule.NOT_READ, Message.of("brokenLink", e.getClass().getSimpleName())));
                    continue;
                }
                if (!target.startsWith(realRoot) || Files.isDirectory(target)) {
                    notes.add(note(relative, Rule.NOT_READ,
                            Message.of(Files.isDirectory(target) ? "linkToFolder" : "linkOutside")));
                    continue;
                }
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                collect(roundDir, p, realRoot, files, notes);
            }
            else if (Files.isRegularFile(p)) {
                files.add(inputFile(relative, p));
            }
        }
    }

    private static InputFile inputFile(String relative, Path p) throws IOException {
        try {
            Fingerprint f = fingerprint(p);
            return new InputFile(relative, p, f.sha256(), Files.size(p), f.lineBreaks(), null);
        }
        catch (AccessDeniedException e) {
            // never equal to a stored fingerprint: the file is looked at again on every
            // run until it can be read
            String unique = (java.util.UUID.randomUUID() + "" + java.util.UUID.randomUUID()).replace("-", "");
            return new InputFile(relative, p, unique, Files.size(p), 0,
                    Message.of("permissionDenied", System.getProperty("user.name")));
        }
    }

    private static Finding note(String sourceFile, Rule rule, Message message) {
        return Finding.of(sourceFile, "", null, "", "", rule, message);
    }

    public static String sha256(Path file) throws IOException {
        return fingerprint(file).sha256();
    }

    /**
     * A file's sha256 and its count of line-feed bytes (a line break in UTF-8 and CP949
     * alike), in one pass.
     */
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
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that a file can be read as rows: encoding, workbook, sheets and headers; a
     * CSV large enough to split ({@link Splitting}) is read through once more to find
     * where its ranges start.
     */
    public static Admission inspect(InputFile file, Splitting splitting) throws IOException, UnreadableFileException {
        if (file.unopenable() != null) {
            throw new UnreadableFileException(file.unopenable());
        }
        switch (file.extension()) {
            case "csv" -> {
                SourceKind kind = csvKind(file);
                Charset charset = TextEncoding.detect(file.path())
                    .orElseThrow(() -> new UnreadableFileException(Message.of("encoding")));
                List<Finding> notes;
                try (CsvRowSource source = new CsvRowSource(file.path(), file.sourceFile(), kind, charset)) {
                    notes = source.notes();
                }
                List<FileRange> ranges = CsvRowSource.ranges(file.path(), file.sourceFile(), kind, charset,
                        file.sizeBytes(), file.lineBreaks(), splitting);
                long rows = 0;
                for (FileRange range : ranges) {
                    rows += Objects.requireNonNull(range.rows());
                }
                return new Admission(FileKind.of(kind), TextEncoding.name(charset), rows, ranges, notes);
            }
            case "xlsx", "xlsm", "xls" -> {
                if (file.sizeBytes() == 0) {
                    throw new UnreadableFileException(Message.of("emptyFile"));
                }
                try (WorkbookRowSource source = new WorkbookRowSource(file.path(), file.sourceFile(),
                        file.isSurvey())) {
                    source.checkHeaders();
                    return new Admission(file.isSurvey() ? FileKind.SURVEY : FileKind.RESULTS_WORKBOOK, null, null,
                            List.of(FileRange.whole(null)), source.notes());
                }
            }
            default -> throw new UnreadableFileException(Message.of("notCsvOrXlsx"));
        }
    }

    /** Opens an admitted file's data rows. */
    public static RowSource open(Path roundDir, String sourceFile, FileKind kind, String encoding)
            throws IOException, UnreadableFileException {
        return open(roundDir, sourceFile, kind, encoding, FileRange.whole(null));
    }

    /** Opens the data rows of one range of an admitted file. */
    public static RowSource open(Path roundDir, String sourceFile, FileKind kind, @Nullable String encoding,
            FileRange range) throws IOException, UnreadableFileException {
        Path path = roundDir.resolve(sourceFile);
        if (sourceFile.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new CsvRowSource(path, sourceFile, kind.rows().orElseThrow(),
                    TextEncoding.forName(Objects.requireNonNull(encoding)), range);
        }
        if (!range.fromTop() || !range.toEnd()) {
            throw new IllegalArgumentException("a workbook is read whole: " + sourceFile);
        }
        return new WorkbookRowSource(path, sourceFile, kind == FileKind.SURVEY);
    }

    private static SourceKind csvKind(InputFile file) throws UnreadableFileException {
        if (file.isSurvey()) {
            return SourceKind.SURVEY;
        }
        Optional<SourceKind> kind = SourceKind.ofResultsCsv(file.path().getFileName().toString());
        return kind.orElseThrow(() -> new UnreadableFileException(Message.of("resultsCsvName")));
    }

}
