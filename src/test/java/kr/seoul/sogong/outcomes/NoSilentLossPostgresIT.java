package kr.seoul.sogong.outcomes;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The no-silent-loss cases on a real PostgreSQL server: the one that refused a NUL byte
 * and the values beyond its columns with a crash ("COPY survey_response, line 9"), where
 * H2 took them.
 */
class NoSilentLossPostgresIT extends NoSilentLossJobTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SharedPostgres.register(registry);
    }

}
