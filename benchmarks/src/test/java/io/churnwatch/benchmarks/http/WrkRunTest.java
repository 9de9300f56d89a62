package io.churnwatch.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** wrk's report as wrk 4.1 prints it (captured from runs of benchmarks/http/customers.lua), read into numbers. */
class WrkRunTest {

    private static final String WITH_ERRORS = """
            Running 2s test @ http://127.0.0.1:18777/
              1 threads and 2 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     3.04ms    4.35ms  41.36ms   90.34%
                Req/Sec     0.87k   181.41     1.15k    50.00%
              Latency Distribution
                 50%    1.24ms
                 75%    3.75ms
                 90%    7.29ms
                 99%   24.38ms
              1743 requests in 2.00s, 0.86MB read
              Non-2xx or 3xx responses: 1743
            Requests/sec:    870.53
            Transfer/sec:    442.07KB
            """;

    private static final String CLEAN_MICROSECONDS = """
            Running 30s test @ http://127.0.0.1:40000/
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.31ms    2.02ms  60.11ms   91.20%
                Req/Sec     6.85k   612.40     8.01k    70.33%
              Latency Distribution
                 50%  912.00us
                 75%    2.95ms
                 90%    4.40ms
                 99%    1.02s
              408703 requests in 30.00s, 610.13MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
            Requests/sec:  13622.40
            Transfer/sec:     20.34MB
            """;

    @Test
    void readsTheRateThePercentilesAndTheFailedAnswers() {
        WrkRun.Result result = WrkRun.parse(WITH_ERRORS);
        assertThat(result.requestsPerSecond()).isEqualTo(870.53);
        assertThat(result.requests()).isEqualTo(1743);
        assertThat(result.p50()).isEqualTo(1.24);
        assertThat(result.p75()).isEqualTo(3.75);
        assertThat(result.p90()).isEqualTo(7.29);
        assertThat(result.p99()).isEqualTo(24.38);
        assertThat(result.non2xx()).isEqualTo(1743);
        assertThat(result.clean()).isFalse();
    }

    @Test
    void convertsMicrosecondsAndSecondsToMillisecondsAndCountsSocketErrors() {
        WrkRun.Result result = WrkRun.parse(CLEAN_MICROSECONDS);
        assertThat(result.p50()).isCloseTo(0.912, within(1e-9));
        assertThat(result.p99()).isCloseTo(1020, within(1e-9));
        assertThat(result.non2xx()).isZero();
        assertThat(result.socketErrors()).isEqualTo(3);
        assertThat(result.clean()).isFalse();
        assertThat(WrkRun.parse(CLEAN_MICROSECONDS.replace("read 2", "read 0").replace("timeout 1", "timeout 0"))
                .clean()).isTrue();
    }

    @Test
    void aReportWithoutTheLatencyDistributionIsRefused() {
        String withoutLatency = WITH_ERRORS.replaceAll("(?m)^\\s+\\d\\d%.*\\n", "");
        assertThatThrownBy(() -> WrkRun.parse(withoutLatency)).hasMessageContaining("--latency");
        assertThatThrownBy(() -> WrkRun.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .hasMessageContaining("no request rate");
    }

    @Test
    void theCommandCyclesTheKeyFileThroughTheScript() {
        assertThat(WrkRun.command("http://127.0.0.1:8080/", java.nio.file.Path.of("customers.lua"),
                java.nio.file.Path.of("keys-local.txt"), 2, 32, java.time.Duration.ofSeconds(30)))
                .containsExactly("wrk", "-t2", "-c32", "-d30s", "--latency", "--timeout", "10s", "-s", "customers.lua",
                        "http://127.0.0.1:8080/", "--", "keys-local.txt");
    }
}
