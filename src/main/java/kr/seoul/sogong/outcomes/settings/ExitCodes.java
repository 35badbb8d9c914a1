package kr.seoul.sogong.outcomes.settings;

/** Process exit codes, distinct so a scheduler or an operator can tell what happened. */
public final class ExitCodes {

    public static final int COMPLETED = 0;

    public static final int FAILED = 1;

    public static final int USAGE = 2;

    public static final int QUALITY_GATE = 3;

    public static final int ALREADY_RUNNING = 4;

    public static final int STOPPED = 5;

    private ExitCodes() {
    }

}
