package kr.seoul.sogong.outcomes;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DestructionScenarios} on a real PostgreSQL server. */
class DestructionPostgresIT extends DestructionScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SharedPostgres.register(registry);
    }

}
