package kr.seoul.sogong.outcomes.intake;

/**
 * A column of one kind of row, named by a constant of its kind's enum
 * ({@link SurveyColumn}, {@link ParticipantColumn}, {@link OutcomeColumn},
 * {@link BudgetColumn}): the rules read a field by it, so a misspelt or foreign column
 * does not compile, and its header, alias and required flag are stated once, where the
 * constant is.
 */
public interface ColumnRef {

    /** The column as its kind declares it. */
    Column column();

    /** The kind of row whose column it is. */
    SourceKind kind();

    default String alias() {
        return column().alias();
    }

}
