package kr.seoul.sogong.outcomes.settings;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The commands of the jar, stated once: the word that names each, its usage, whether it
 * needs the application context (Spring, the database), and whether it runs rounds (so a
 * stop signal is honoured from its first millisecond). The exit codes every command uses
 * are {@link ExitCodes}.
 */
public enum Command {

    RUN(null, "round=<yyyy> [runDate=<yyyy-MM-dd>]", "run or restart a round", true, true),
    NIGHTLY("nightly", "nightly [runDate=<yyyy-MM-dd>]", "run the configured rounds", true, true),
    STATUS("status", "status [round=<yyyy>] [--check [max-age=26h]]",
            "recent runs; --check: every nightly round completed lately (exit 0) or not (1)", true, false),
    MAIL_CORRECTIONS("mail-corrections", "mail-corrections round=<yyyy> [--dry-run]",
            "mail each center its correction workbook (once)", true, false),
    DESTROY("destroy", "destroy [round=<yyyy>] [--dry-run]",
            "destroy the personal data of rounds past their retention (ledger)", true, false),
    PURGE("purge", "purge [keep=10] [round=<yyyy>] [--dry-run]", "delete old runs", true, false),
    KIT("kit", "kit round=<yyyy> [--out kits]", "the centers' input workbooks", false, false),
    GENERATE("generate", "generate sample|synthetic ...", "sample or synthetic input files", false, false),
    SERVE("serve", "serve", "the web console (127.0.0.1:8080)", true, false),
    USER("user", "user add|remove|list ...", "the console's users", false, false);

    private static final String JAR = "java -jar sogong-outcomes.jar ";

    private final @Nullable String word;

    private final String syntax;

    private final String purpose;

    private final boolean needsContext;

    private final boolean runsRounds;

    Command(@Nullable String word, String syntax, String purpose, boolean needsContext, boolean runsRounds) {
        this.word = word;
        this.syntax = syntax;
        this.purpose = purpose;
        this.needsContext = needsContext;
        this.runsRounds = runsRounds;
    }

    /** The word that names it first on the command line; null for a round's run. */
    public @Nullable String word() {
        return word;
    }

    /** Whether it starts Spring and the database; the others write files only. */
    public boolean needsContext() {
        return needsContext;
    }

    /** Whether it runs rounds: a stop is honoured from the first millisecond. */
    public boolean runsRounds() {
        return runsRounds;
    }

    /**
     * The command a command line names: by its first word, else a round's run (whose
     * arguments the run checks, with the usage when they are wrong).
     */
    public static Command of(List<String> args) {
        String first = args.isEmpty() ? "" : args.get(0);
        for (Command c : values()) {
            if (first.equals(c.word)) {
                return c;
            }
        }
        return RUN;
    }

    /** The usage of every command, one line each. */
    public static String usage() {
        StringBuilder usage = new StringBuilder();
        for (Command c : values()) {
            usage.append(usage.length() == 0 ? "usage: " : "       ")
                .append(JAR)
                .append(String.format("%-46s", c.syntax))
                .append(c.purpose)
                .append('\n');
        }
        return usage.append("options: --outcomes.input-dir=input --outcomes.output-dir=output")
            .append(" --spring.datasource.url=...")
            .toString();
    }

}
