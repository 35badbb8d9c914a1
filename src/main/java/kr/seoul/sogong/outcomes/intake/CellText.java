package kr.seoul.sogong.outcomes.intake;

import java.text.Normalizer;

/**
 * The text of a cell as the rules see it (contract §8): Unicode NFC, full-width digits
 * and Latin letters as ASCII — so a file saved on a Mac (decomposed Hangul) or typed with
 * a Korean IME in full-width mode reads like any other — and trimmed of every kind of
 * space, non-breaking ones included, so a field of only such spaces is blank.
 */
public final class CellText {

    private CellText() {
    }

    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = raw;
        if (!isAsciiOnly(s)) {
            // the quick check allocates nothing
            if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
                s = Normalizer.normalize(s, Normalizer.Form.NFC);
            }
            s = fullWidthToAscii(s);
        }
        return strip(s);
    }

    private static boolean isAsciiOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String fullWidthToAscii(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean fullWidth = (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A')
                    || (c >= '\uFF41' && c <= '\uFF5A') || c == '\uFF0D' || c == '\uFF0E';
            if (fullWidth && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(fullWidth ? (char) (c - 0xFEE0) : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Whitespace, non-breaking spaces, the zero-width space and a stray byte-order mark.
     */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    public static boolean isBlank(String raw) {
        return raw == null || strip(raw).isEmpty();
    }

}
