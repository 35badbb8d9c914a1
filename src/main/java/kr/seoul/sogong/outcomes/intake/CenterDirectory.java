package kr.seoul.sogong.outcomes.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The round's centers, found by code or by name (a survey names its center either way). */
public final class CenterDirectory {

    private final Map<String, Center> byCodeOrName = new HashMap<>();

    public CenterDirectory(List<Center> centers) {
        for (Center c : centers) {
            byCodeOrName.put(c.code(), c);
        }
        for (Center c : centers) {
            byCodeOrName.putIfAbsent(c.name().strip(), c);
        }
    }

    public Optional<Center> find(String codeOrName) {
        return Optional.ofNullable(byCodeOrName.get(codeOrName.strip()));
    }

    public Optional<Center> byCode(String code) {
        Center c = byCodeOrName.get(code.strip());
        return c != null && c.code().equals(code.strip()) ? Optional.of(c) : Optional.empty();
    }
}
