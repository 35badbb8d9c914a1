package kr.seoul.sogong.outcomes.findings;

/** Contract §3: a REJECT row is left out of every table, a WARN row is kept. */
public enum Severity {

    REJECT, WARN

}
