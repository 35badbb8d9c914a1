package kr.seoul.sogong.outcomes.store;

/**
 * A file range's checkpoint is not where this run's last commit left it: the database
 * acknowledged a commit it then lost (an H2 file's serving process killed before it wrote
 * the commit to the file, a failover to a replica behind). Going on would skip the lost
 * rows while counting them read; the run stops, and the same command reads on from what
 * the database holds.
 */
public class LostCommitException extends IllegalStateException {

    LostCommitException(IntakeStore.RangeKey range, long expected) {
        super("the checkpoint of " + range.sourceFile()
                + (range.rangeSeq() == 0 ? "" : " (range " + range.rangeSeq() + ")") + " is not at " + expected
                + " rows, where this run's last commit left it: the database lost a" + " commit it had acknowledged");
    }

}
