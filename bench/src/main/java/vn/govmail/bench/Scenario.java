package vn.govmail.bench;

/** One named load, run against every target of the invocation, case by case (targets alternate per case). */
interface Scenario {
    void run(BenchOptions options, ResultTable table) throws Exception;
}
