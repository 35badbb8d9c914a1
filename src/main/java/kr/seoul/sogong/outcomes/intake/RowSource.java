package kr.seoul.sogong.outcomes.intake;

import java.io.Closeable;

/** The data rows of one admitted source file, in file order, blank rows left out. */
public interface RowSource extends Closeable {

    /** The next data row, or null after the last. */
    SourceRow next() throws Exception;

}
