package kr.seoul.sogong.outcomes.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cell position holds which column of a kind, from a header row. Unknown headers are ignored
 * (extra columns are allowed); a missing required column is reported by {@link #missingRequired()}.
 */
public final class HeaderMap {

    private final SourceKind kind;
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    public HeaderMap(SourceKind kind, List<String> headers) {
        this.kind = kind;
        for (int i = 0; i < headers.size(); i++) {
            for (Column column : kind.columns()) {
                if (column.matches(headers.get(i)) && !positions.containsKey(column.alias())) {
                    positions.put(column.alias(), i);
                }
            }
        }
    }

    public SourceKind kind() {
        return kind;
    }

    public List<Column> missingRequired() {
        List<Column> missing = new ArrayList<>();
        for (Column column : kind.columns()) {
            if (column.required() && !positions.containsKey(column.alias())) {
                missing.add(column);
            }
        }
        return missing;
    }

    /** The row's cells by alias; a short row leaves the last columns blank. */
    public Map<String, String> values(List<String> cells) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : positions.entrySet()) {
            int at = e.getValue();
            values.put(e.getKey(), at < cells.size() && cells.get(at) != null ? cells.get(at) : "");
        }
        return values;
    }

    public String describeMissing() {
        StringBuilder sb = new StringBuilder();
        for (Column c : missingRequired()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(c.korean()).append(" (").append(c.alias()).append(')');
        }
        return sb.toString();
    }
}
