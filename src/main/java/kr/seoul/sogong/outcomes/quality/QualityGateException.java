package kr.seoul.sogong.outcomes.quality;

/**
 * The quality gate of contract §3 stopped the run; the message names each file and why.
 */
public class QualityGateException extends RuntimeException {

    public QualityGateException(String message) {
        super(message);
    }

}
