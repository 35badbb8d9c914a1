package kr.seoul.sogong.outcomes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Guards what the rules across rows read back of the keys a chunk stored: every row, in
 * the order added, with its center, business number (leading zeros too), sheet, row
 * number and submission time to the microsecond — the rules would judge other firms or
 * other rows otherwise.
 */
class RowKeysPropertyTest {

    record Key(String center, String brn, int sheetIndex, String sheet, int rowNumber, LocalDateTime submittedAt) {
    }

    @Property(tries = 1000)
    void whatIsPackedIsReadBack(@ForAll("keys") List<Key> keys, @ForAll boolean survey) {
        RowKeys.Packer packer = new RowKeys.Packer(survey ? "survey_response" : "participant");
        keys.forEach(k -> packer.add(k.center(), k.brn(), k.sheetIndex(), k.sheet(), k.rowNumber(),
                survey ? k.submittedAt() : null));
        assertThat(packer.count()).isEqualTo(keys.size());

        List<Key> read = new ArrayList<>();
        RowKeys.unpack("survey/a.csv", packer.packed(), (file, center, brn, sheetIndex, sheet, rowNumber, micros) -> {
            assertThat(file).isEqualTo("survey/a.csv");
            read.add(new Key(center, String.format("%010d", brn), sheetIndex, sheet, rowNumber,
                    micros == Long.MIN_VALUE ? null : LocalDateTime.of(1970, 1, 1, 0, 0).plusNanos(micros * 1000)));
        });
        List<Key> expected = keys.stream()
            .map(k -> new Key(k.center(), k.brn(), k.sheetIndex(), k.sheet(), k.rowNumber(),
                    survey ? k.submittedAt() : null))
            .toList();
        assertThat(read).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Key>> keys() {
        Arbitrary<String> centers = Arbitraries.of("AAA", "BONGIK", "성수", "C-12");
        Arbitrary<String> brns = Arbitraries.strings().numeric().ofLength(10);
        // a workbook's sheets are numbered per file, their names any text
        Arbitrary<Integer> sheetIndexes = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> rows = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        Arbitrary<LocalDateTime> times = Arbitraries.longs()
            .between(-2_000_000_000_000L, 4_000_000_000_000L)
            .map(ms -> LocalDateTime.of(1970, 1, 1, 0, 0).plusNanos(ms * 1_000_000).plusNanos(ms % 1000 * 1000));
        return Combinators.combine(centers, brns, sheetIndexes, rows, times)
            .as((c, b, i, r, t) -> new Key(c, b, i, i == 0 ? "" : "시트" + i, r, t))
            .list()
            .ofMaxSize(300);
    }

}
