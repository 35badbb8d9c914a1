package kr.seoul.sogong.outcomes.intake;

/**
 * How admission splits a large CSV into {@link FileRange}s.
 *
 * @param rangeBytes about this many bytes a range; a file smaller than two is read whole
 * (0: never split)
 * @param multipleOf the ranges are as many as a multiple of this (the ingest's
 * partitions), so that ranges of about one size deal out evenly
 */
public record Splitting(long rangeBytes, int multipleOf) {

    /** Every file read whole. */
    public static final Splitting NEVER = new Splitting(0, 1);

    public Splitting {
        multipleOf = Math.max(1, multipleOf);
    }

    /** How many ranges a file of this size is split into; 1: read whole. */
    long ranges(long sizeBytes) {
        long pieces = rangeBytes <= 0 ? 1 : sizeBytes / rangeBytes;
        if (pieces < 2) {
            return 1;
        }
        long rounded = (pieces + multipleOf - 1) / multipleOf * multipleOf;
        return Math.min(rounded, CsvRowSource.MAX_RANGES / multipleOf * multipleOf);
    }

}
