package kr.seoul.sogong.outcomes.intake;

/** A column of an input file: its Korean header, English alias (also the finding's field name). */
public record Column(String korean, String alias, boolean required) {

    static Column required(String korean, String alias) {
        return new Column(korean, alias, true);
    }

    static Column optional(String korean, String alias) {
        return new Column(korean, alias, false);
    }

    /** Header matching ignores case, surrounding spaces and a UTF-8 BOM (contract §2). */
    public static String normalizeHeader(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT);
    }

    boolean matches(String header) {
        String h = normalizeHeader(header);
        return h.equals(normalizeHeader(korean)) || h.equals(alias);
    }
}
