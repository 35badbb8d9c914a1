/**
 * The {@code settings} module: the operator's settings ({@code outcomes.*}), the job's
 * name and parameters with their validator, {@code @JobRound}; the table of commands
 * (word, usage, whether it needs the context or runs rounds), the exit codes every
 * command uses, and how a run ended ({@code RoundRunEnded}, the event alerts and mail
 * listen to).
 */
@NullMarked
package kr.seoul.sogong.outcomes.settings;

import org.jspecify.annotations.NullMarked;
