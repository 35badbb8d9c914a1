package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What a console password must be: at least {@value #MIN_LENGTH} characters that are not
 * all spaces, not the user's name or a word of it, and hard to guess as a password
 * cracker guesses — nbvcxz's estimate (common-password lists, dictionary words, keyboard
 * runs, dates, repeats, l33t) at its default minimum of 35 bits. {@code password},
 * {@code 12345678} and eight spaces were accepted before (issue 21).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** Why the password is refused for this user, or null when it is good. */
    static @Nullable String problem(String user, String password) {
        if (password == null || password.strip().length() < MIN_LENGTH) {
            return "the password needs at least " + MIN_LENGTH + " characters (spaces at its ends do not count)";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (user != null && !user.isBlank() && lower.contains(user.toLowerCase(Locale.ROOT))) {
            return "the password must not contain the user name";
        }
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (user != null && !user.isBlank()) {
            dictionaries.add(new DictionaryBuilder().setDictionaryName("user")
                .setExclusion(true)
                .addWord(user.toLowerCase(Locale.ROOT), 0)
                .createDictionary());
        }
        Result result = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration())
            .estimate(password);
        if (!result.isMinimumEntropyMet()) {
            String warning = result.getFeedback().getWarning();
            return "the password is too easy to guess" + (warning == null ? "" : " (" + warning + ")")
                    + ": take a few unrelated words with a digit or sign between them";
        }
        return null;
    }

}
