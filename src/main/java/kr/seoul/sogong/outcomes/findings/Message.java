package kr.seoul.sogong.outcomes.findings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What a finding says, as a message key ({@code finding.<key>} in
 * {@code messages.properties} (English) and {@code messages_ko.properties} (Korean)) with
 * the values it names: stored as such, so the same finding reads in English in
 * {@code rejects.csv} and in Korean in a center's correction workbook. Rendered through
 * Spring's {@code MessageSource}; no finding text is put together in rule code.
 */
public record Message(String key, List<String> args) {

    /** English, the contract's language for rejects.csv. */
    public static final Locale ENGLISH = Locale.ROOT;

    public static final Locale KOREAN = Locale.KOREAN;

    /** Separates the arguments in the finding table's message_args column. */
    private static final char SEPARATOR = '\u001F';

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
        MESSAGES.setAlwaysUseMessageFormat(true);
    }

    public Message {
        args = args.stream().map(a -> a == null ? "" : a.replace(SEPARATOR, ' ')).toList();
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** A text that did not come from us (a library's reason), shown as it is. */
    public static Message text(String text) {
        return of("text", text);
    }

    public String render(Locale locale) {
        return MESSAGES.getMessage("finding." + key, args.toArray(), locale == null ? ENGLISH : locale);
    }

    public String english() {
        return render(ENGLISH);
    }

    public String storedArgs() {
        return String.join(String.valueOf(SEPARATOR), args);
    }

    public static Message stored(String key, String args, String fallbackText) {
        if (key == null) {
            // a finding stored before messages had keys
            return text(fallbackText);
        }
        return new Message(key,
                args == null || args.isEmpty() ? List.of() : List.of(args.split(String.valueOf(SEPARATOR), -1)));
    }

}
