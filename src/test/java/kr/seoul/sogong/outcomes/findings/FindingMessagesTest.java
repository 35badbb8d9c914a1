package kr.seoul.sogong.outcomes.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every finding message has its English (rejects.csv) and its Korean (a center's
 * corrections), and every key the code names exists: a missing key would end a run with
 * an exception at the first such finding.
 */
class FindingMessagesTest {

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p.stringPropertyNames()
            .stream()
            .filter(k -> k.startsWith("finding."))
            .map(k -> k.substring("finding.".length()))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The keys the code names as literals; the variants it builds are listed by hand. */
    private static Set<String> keysInCode() throws IOException {
        Pattern literal = Pattern.compile("(?:Message\\.of\\(|message\\(|pointingHere\\(|rejected, )\"([a-zA-Z.]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void everyMessageHasItsEnglishAndItsKorean() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> korean = keys("messages_ko.properties");
        assertThat(english).hasSizeGreaterThan(50);
        assertThat(korean).isEqualTo(english);
    }

    @Test
    void everyKeyTheCodeNamesExistsWithItsVariants() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> named = keysInCode();
        assertThat(named).hasSizeGreaterThan(40);
        for (String key : named) {
            if (key.startsWith("duplicate.") || key.equals("duplicateColumn") || key.equals("missingColumn")) {
                assertThat(english).as(key + " and its workbook form").contains(key + ".sheet");
            }
            assertThat(english).as("finding." + key).contains(key);
        }
        assertThat(english).contains("emptyFolder.survey", "emptyFolder.results", "missingFolder.survey",
                "missingFolder.results", "duplicateColumn.nearestSheet", "missingColumn.nearestSheet",
                "sheetMissing.hidden", "notXlsx.text", "notXlsx.other", "missingColumn.made", "missingColumn.optional");
    }

    @Test
    void everyMessageRendersInBothLanguagesWithItsValues() throws IOException {
        for (String key : keys("messages.properties")) {
            Message m = Message.of(key, "A", "B", "C");
            String en = m.render(Message.ENGLISH);
            String ko = m.render(Message.KOREAN);
            assertThat(en).as(key).isNotBlank().doesNotContain("{0}").doesNotContain("''");
            assertThat(ko).as(key).isNotBlank().doesNotContain("{0}").isNotEqualTo(key.equals("text") ? "" : en);
        }
        assertThat(Message.of("endBeforeStart", "2022-05-15").render(Message.KOREAN))
            .isEqualTo("지원종료일이 지원시작일(2022-05-15)보다 빠릅니다.");
        assertThat(Message.of("strayFile").english()).contains("round's folder");
    }

    @Test
    void aStoredMessageReadsBackAsItWasWritten() {
        Message m = Message.of("fieldCount", 13, 14);
        Message back = Message.stored(m.key(), m.storedArgs(), "ignored");
        assertThat(back).isEqualTo(m);
        assertThat(back.english()).isEqualTo("13 fields where the header has 14 (a shifted or cut row)");
        assertThat(Message.stored(null, null, "an old text").english()).isEqualTo("an old text");
    }

}
