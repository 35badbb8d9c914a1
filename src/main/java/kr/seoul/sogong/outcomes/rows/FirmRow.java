package kr.seoul.sogong.outcomes.rows;

/**
 * An accepted row about one firm of one center: what the rules across rows key and the
 * digests hold.
 */
public sealed interface FirmRow extends AcceptedRow permits SurveyResponse, Participant, Outcome {

    String centerCode();

    /** The business registration number's ten digits. */
    String brn();

}
