package kr.seoul.sogong.outcomes.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.intake.ValidatedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * Where an ingest partition's time goes: reading (parsing), validating and writing,
 * summed with {@code System.nanoTime()} around each item and chunk, logged when the
 * partition ends and recorded as the timers {@code outcomes.ingest.read},
 * {@code .process} and {@code .write} (one sample per partition; the run summary prints
 * them). Spring Batch's own per-item Micrometer observations measure the same but cost
 * 18% of the ingest's time at national scale (docs/benchmarks.md), so the partitions run
 * without them.
 */
@Component
@StepScope
public class IngestTimers implements ItemReadListener<SourceRow>, ItemProcessListener<SourceRow, ValidatedRow>,
        ItemWriteListener<ValidatedRow>, ChunkListener<SourceRow, ValidatedRow>, StepExecutionListener {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final Logger log = LoggerFactory.getLogger(IngestTimers.class);

    private final MeterRegistry meters;

    private long mark;

    private long readNanos;

    private long processNanos;

    private long writeNanos;

    private boolean reading;

    private long cpuMark;

    private long readCpu;

    private long processCpu;

    private long writeCpu;

    public IngestTimers(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void beforeRead() {
        if (!reading) { // the chunk's first read
            reading = true;
            cpuMark = THREADS.getCurrentThreadCpuTime();
        }
        mark = System.nanoTime();
    }

    @Override
    public void beforeChunk(Chunk<SourceRow> chunk) {
        long now = THREADS.getCurrentThreadCpuTime();
        readCpu += now - cpuMark;
        cpuMark = now;
        reading = false;
    }

    @Override
    public void afterRead(SourceRow item) {
        readNanos += System.nanoTime() - mark;
    }

    @Override
    public void onReadError(Exception ex) {
        readNanos += System.nanoTime() - mark;
    }

    @Override
    public void beforeProcess(SourceRow item) {
        mark = System.nanoTime();
    }

    @Override
    public void afterProcess(SourceRow item, ValidatedRow result) {
        processNanos += System.nanoTime() - mark;
    }

    @Override
    public void onProcessError(SourceRow item, Exception e) {
        processNanos += System.nanoTime() - mark;
    }

    @Override
    public void beforeWrite(Chunk<? extends ValidatedRow> items) {
        long now = THREADS.getCurrentThreadCpuTime();
        processCpu += now - cpuMark;
        cpuMark = now;
        mark = System.nanoTime();
    }

    @Override
    public void afterWrite(Chunk<? extends ValidatedRow> items) {
        writeNanos += System.nanoTime() - mark;
        writeCpu += THREADS.getCurrentThreadCpuTime() - cpuMark;
    }

    @Override
    public void onWriteError(Exception exception, Chunk<? extends ValidatedRow> items) {
        writeNanos += System.nanoTime() - mark;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        String step = stepExecution.getStepName();
        record("outcomes.ingest.read", step, readNanos);
        record("outcomes.ingest.process", step, processNanos);
        record("outcomes.ingest.write", step, writeNanos);
        record("outcomes.ingest.parse-validate.cpu", step, readCpu + processCpu);
        long rows = stepExecution.getReadCount();
        log.info(
                "{}: parse {}, validate {}, write {} (CPU {}, {}, {}); parse and validate {} rows/s, {} rows/s per"
                        + " core",
                step, seconds(readNanos), seconds(processNanos), seconds(writeNanos), seconds(readCpu),
                seconds(processCpu), seconds(writeCpu), rate(rows, readNanos + processNanos),
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
