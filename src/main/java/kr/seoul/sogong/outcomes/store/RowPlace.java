package kr.seoul.sogong.outcomes.store;

/**
 * A stored row's place as one number: its file's order in the round, its sheet, its row
 * number, packed so that numbers sort in reading order; exact, so a place also names its
 * row (rows are keyed by round, file, sheet and row number).
 */
public final class RowPlace {

    private static final int SHEET_BITS = 12;

    private static final int ROW_BITS = 31;

    private RowPlace() {
    }

    public static long of(int fileSeq, int sheetIndex, int rowNumber) {
        if (fileSeq < 0 || fileSeq >= 1 << (63 - SHEET_BITS - ROW_BITS) || sheetIndex < 0
                || sheetIndex >= 1 << SHEET_BITS || rowNumber < 0) {
            throw new IllegalStateException("a row beyond what a place can name: file " + fileSeq + ", sheet "
                    + sheetIndex + ", row " + rowNumber + " (at most 1,048,576 files of 4,096 sheets)");
        }
        return ((long) fileSeq << (SHEET_BITS + ROW_BITS)) | ((long) sheetIndex << ROW_BITS) | rowNumber;
    }

    public static int fileSeq(long place) {
        return (int) (place >>> (SHEET_BITS + ROW_BITS));
    }

    public static int sheetIndex(long place) {
        return (int) ((place >>> ROW_BITS) & ((1 << SHEET_BITS) - 1));
    }

    public static int rowNumber(long place) {
        return (int) (place & ((1L << ROW_BITS) - 1));
    }

}
