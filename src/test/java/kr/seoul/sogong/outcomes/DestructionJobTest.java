package kr.seoul.sogong.outcomes;

/** {@link DestructionScenarios} on H2. */
class DestructionJobTest extends DestructionScenarios {

}
