/**
 * The {@code ingest} module: the ingest's step components: admission, the partitions by
 * file, the reader, the writer.
 */
@NullMarked
package kr.seoul.sogong.outcomes.ingest;

import org.jspecify.annotations.NullMarked;
