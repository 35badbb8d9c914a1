package kr.seoul.sogong.outcomes.reports;

/**
 * A Korean particle chosen by the word it follows, so generated sentences read as written
 * ("응답률이", "만족도가", "창신센터는") instead of "이(가)". The choice follows the last sound: a final
 * consonant (받침) takes the first form, none the second; a final ㄹ takes 로 like a vowel.
 * Digits and Latin letters are read as Koreans read them (1 일, 2 이; L, M, N, R end in a
 * consonant); a parenthesised tail ("만족도(5점)") is not read.
 */
enum Particle {

    /** 이/가 */
    SUBJECT("이", "가"),
    /** 을/를 */
    OBJECT("을", "를"),
    /** 은/는 */
    TOPIC("은", "는"),
    /** 과/와 */
    AND("과", "와"),
    /** 으로/로 */
    TOWARD("으로", "로");

    private static final int RIEUL = 8;

    private final String afterConsonant;

    private final String afterVowel;

    Particle(String afterConsonant, String afterVowel) {
        this.afterConsonant = afterConsonant;
        this.afterVowel = afterVowel;
    }

    /** The word with this particle after it. */
    String after(String word) {
        return word + of(word);
    }

    /** The form of this particle that follows the word. */
    String of(String word) {
        int finalConsonant = finalConsonant(read(word));
        if (finalConsonant == 0 || (this == TOWARD && finalConsonant == RIEUL)) {
            return afterVowel;
        }
        return afterConsonant;
    }

    /** The word as it is read: without a parenthesised tail or trailing spaces. */
    private static String read(String word) {
        String read = word.strip();
        while (read.endsWith(")") && read.lastIndexOf('(') > 0) {
            read = read.substring(0, read.lastIndexOf('(')).strip();
        }
        return read;
    }

    /**
     * The final consonant's index among the 28 (0: none, 8: ㄹ) of the word's last sound.
     */
    private static int finalConsonant(String word) {
        if (word.isEmpty()) {
            return 0;
        }
        char last = word.charAt(word.length() - 1);
        if (last >= '가' && last <= '힣') {
            return (last - '가') % 28;
        }
        // 영 일 이 삼 사 오 육 칠 팔 구
        switch (last) {
            case '0':
                return 21;
            case '1':
            case '7':
            case '8':
                return RIEUL;
            case '3':
                return 16;
            case '6':
                return 1;
            default:
                break;
        }
        switch (Character.toUpperCase(last)) {
            case 'L':
                return RIEUL;
            case 'M':
                return 16;
            case 'N':
                return 4;
            case 'R':
                return RIEUL;
            default:
                return 0;
        }
    }

}
