package kr.seoul.sogong.outcomes.store;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;

/**
 * Which findings to show: each part null or blank for all. {@code center} keeps the
 * findings in that center's own results files (named {@code <code>_...} or under a folder
 * of its code) — a rejected survey row is not stored, so the center it names is known
 * only from its message.
 */
public record FindingFilter(@Nullable String file, @Nullable String center, @Nullable Rule rule,
        @Nullable Severity severity) {

    public static final FindingFilter NONE = new FindingFilter(null, null, null, null);

    /**
     * The where clause over {@code finding}, its named parameters put in {@code params}.
     */
    String where(Map<String, Object> params, int round) {
        StringBuilder sql = new StringBuilder(" where round = :round");
        params.put("round", round);
        if (file != null && !file.isBlank()) {
            sql.append(" and source_file = :file");
            params.put("file", file);
        }
        if (center != null && !center.isBlank()) {
            sql.append(" and (source_file like :ownFiles or source_file like :ownFolder)");
            params.put("ownFiles", "results/" + center + "\\_%");
            params.put("ownFolder", "results/" + center + "/%");
        }
        if (rule != null) {
            sql.append(" and rule = :rule");
            params.put("rule", rule.name());
        }
        if (severity != null) {
            sql.append(" and severity = :severity");
            params.put("severity", severity.name());
        }
        return sql.toString();
    }

}
