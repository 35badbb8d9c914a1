package kr.seoul.sogong.outcomes.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.validation.ValidatedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * Where an ingest partition's time goes: reading (parsing), validating and writing, in
 * wall time and in the CPU time of its thread, logged when the partition ends and
 * recorded as the timers {@code outcomes.ingest.read}, {@code .process}, {@code .write}
 * and {@code .parse-validate.cpu} (one sample per partition; the run summary prints
 * them). Spring Batch's own per-item Micrometer observations measure the same but cost
 * 18% of the ingest's time at national scale (docs/benchmarks.md), so the partitions run
 * without them.
 *
 * <p>
 * Spring Batch 6 reads a whole chunk, then validates it, then writes it, so both clocks
 * are read only where one phase gives way to the next — four readings a chunk, none per
 * row: at the chunk's first read, before the chunk is validated ({@code beforeChunk}),
 * before and after its write. The transaction's commit falls outside all three. Wall time
 * also counts the moments the thread waits for a core (the other partition, the database,
 * the collector); the rate per core comes from the CPU time.
 */
@Component
@StepScope
public class IngestTimers implements ItemReadListener<SourceRow>, ItemWriteListener<ValidatedRow>,
        ChunkListener<SourceRow, ValidatedRow>, StepExecutionListener {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final Logger log = LoggerFactory.getLogger(IngestTimers.class);

    /** The three phases of a chunk, in the order they run. */
    private enum Phase {

        READ, PROCESS, WRITE

    }

    private final MeterRegistry meters;

    private final long[] wall = new long[Phase.values().length];

    private final long[] cpu = new long[Phase.values().length];

    private boolean reading;

    private long wallMark;

    private long cpuMark;

    public IngestTimers(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Starts the clocks of a phase. */
    private void mark() {
        wallMark = System.nanoTime();
        cpuMark = THREADS.getCurrentThreadCpuTime();
    }

    /** Adds the time since the last mark to a phase. */
    private void close(Phase phase) {
        wall[phase.ordinal()] += System.nanoTime() - wallMark;
        cpu[phase.ordinal()] += THREADS.getCurrentThreadCpuTime() - cpuMark;
    }

    @Override
    public void beforeRead() {
        // the chunk's first read; the others pass by
        if (!reading) {
            reading = true;
            mark();
        }
    }

    @Override
    public void beforeChunk(Chunk<SourceRow> chunk) {
        close(Phase.READ);
        reading = false;
        mark();
    }

    @Override
    public void beforeWrite(Chunk<? extends ValidatedRow> items) {
        close(Phase.PROCESS);
        mark();
    }

    @Override
    public void afterWrite(Chunk<? extends ValidatedRow> items) {
        close(Phase.WRITE);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        String step = stepExecution.getStepName();
        long readNanos = wall[Phase.READ.ordinal()];
        long processNanos = wall[Phase.PROCESS.ordinal()];
        long readCpu = cpu[Phase.READ.ordinal()];
        long processCpu = cpu[Phase.PROCESS.ordinal()];
        record("outcomes.ingest.read", step, readNanos);
        record("outcomes.ingest.process", step, processNanos);
        record("outcomes.ingest.write", step, wall[Phase.WRITE.ordinal()]);
        record("outcomes.ingest.parse-validate.cpu", step, readCpu + processCpu);
        long rows = stepExecution.getReadCount();
        log.info(
                "{}: parse {}, validate {}, write {} (CPU {}, {}, {}); parse and validate {} rows/s, {} rows/s per"
                        + " core",
                step, seconds(readNanos), seconds(processNanos), seconds(wall[Phase.WRITE.ordinal()]), seconds(readCpu),
                seconds(processCpu), seconds(cpu[Phase.WRITE.ordinal()]), rate(rows, readNanos + processNanos),
                rate(rows, readCpu + processCpu));
        return stepExecution.getExitStatus();
    }

    private void record(String name, String step, long nanos) {
        Timer.builder(name).tag("step", step).register(meters).record(Duration.ofNanos(nanos));
    }

    private static String rate(long rows, long nanos) {
        return nanos > 0 ? String.format("%,d", Math.round(rows / (nanos / 1e9))) : "-";
    }

    private static String seconds(long nanos) {
        return String.format("%.1fs", nanos / 1e9);
    }

}
