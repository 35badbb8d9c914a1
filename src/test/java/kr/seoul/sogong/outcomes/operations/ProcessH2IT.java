package kr.seoul.sogong.outcomes.operations;

/**
 * The process scenarios on an H2 file database, shared between processes (AUTO_SERVER).
 */
class ProcessH2IT extends ProcessScenarios {

    @Override
    protected String newDatabase(String name) {
        return "jdbc:h2:file:" + work.resolve("db-" + name).toAbsolutePath() + "/outcomes;AUTO_SERVER=TRUE";
    }

    @Override
    protected String user() {
        return "sa";
    }

}
