package kr.seoul.sogong.outcomes.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is left of a header cell when the differences people make in typing one are taken
 * out (contract §9): compatibility-normalised (full-width letters, digits, brackets and
 * spaces as ASCII), lower case, and without spaces, line breaks, {@code _} and {@code -}.
 * A header has up to three readings, tried in order by {@link HeaderMap}: the whole cell;
 * the cell without a trailing parenthesised note or unit ({@code 교육이수시간(시간)},
 * {@code 문1_전반만족⏎(1~5점, 9=모름)}); and its first line (a note typed after Alt+Enter without
 * brackets).
 */
final class HeaderKey {

    private HeaderKey() {
    }

    /** The whole cell, reduced. */
    static String of(String header) {
        if (header == null || header.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!CellText.isSpace(c) && c != '_' && c != '-' && c != '(' && c != ')') {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The readings of a header, most literal first, without repeats or blanks. */
    static List<String> readings(String header) {
        List<String> readings = new ArrayList<>(3);
        add(readings, of(header));
        if (header != null) {
            String s = Normalizer.normalize(header, Normalizer.Form.NFKC).strip();
            add(readings, of(withoutTrailingNote(s)));
            int lineBreak = indexOfLineBreak(s);
            if (lineBreak > 0) {
                add(readings, of(withoutTrailingNote(s.substring(0, lineBreak))));
            }
        }
        return readings;
    }

    private static void add(List<String> readings, String key) {
        if (!key.isEmpty() && !readings.contains(key)) {
            readings.add(key);
        }
    }

    /** {@code 교육이수시간 (시간)} → {@code 교육이수시간}; notes after notes go too. */
    static String withoutTrailingNote(String s) {
        String rest = CellText.strip(s);
        while (rest.endsWith(")")) {
            int depth = 0;
            int open = -1;
            for (int i = rest.length() - 1; i >= 0; i--) {
                char c = rest.charAt(i);
                if (c == ')') {
                    depth++;
                }
                else if (c == '(' && --depth == 0) {
                    open = i;
                    break;
                }
            }
            if (open <= 0) {
                // a header that is all note is not reduced to nothing
                break;
            }
            rest = CellText.strip(rest.substring(0, open));
        }
        return rest;
    }

    private static int indexOfLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                return i;
            }
        }
        return -1;
    }

}
