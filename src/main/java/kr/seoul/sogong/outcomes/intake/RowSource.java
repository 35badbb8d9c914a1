package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import java.io.Closeable;

/** The data rows of one admitted source file, in file order, blank rows left out. */
public interface RowSource extends Closeable {

    /** The next data row, or null after the last. */
    @Nullable SourceRow next() throws Exception;

}
