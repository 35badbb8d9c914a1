package kr.seoul.sogong.outcomes.centers;

import kr.seoul.sogong.outcomes.intake.CellText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The round's centers, found by code or by name (a survey names its center either way).
 */
public final class CenterDirectory {

    private final Map<String, Center> byCodeOrName = new HashMap<>();

    public CenterDirectory(List<Center> centers) {
        for (Center c : centers) {
            byCodeOrName.put(c.code(), c);
        }
        for (Center c : centers) {
            byCodeOrName.putIfAbsent(CellText.normalize(c.name()), c);
        }
    }

    public Optional<Center> find(String codeOrName) {
        return Optional.ofNullable(byCodeOrName.get(CellText.normalize(codeOrName)));
    }

    public Optional<Center> byCode(String code) {
        String normalized = CellText.normalize(code);
        Center c = byCodeOrName.get(normalized);
        return c != null && c.code().equals(normalized) ? Optional.of(c) : Optional.empty();
    }

}
