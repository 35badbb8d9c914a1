package kr.seoul.sogong.outcomes;

/** The restart scenarios on the embedded H2 database. */
class RestartH2Test extends RestartScenarios {

    @Override
    protected int roundBase() {
        return 3000;
    }

}
