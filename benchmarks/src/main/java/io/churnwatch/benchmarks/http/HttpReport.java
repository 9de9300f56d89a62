package io.churnwatch.benchmarks.http;

import java.util.List;
import java.util.Locale;

/** The results as a markdown table, with what the machine was doing meanwhile. */
final class HttpReport {

    private HttpReport() {
    }

    static String render(HttpBenchmarkOptions options, List<HttpBenchmark.Measured> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "GET /customers/{id} on node 1 of 2 (separate JVMs, -Xmx%s), "
                        + "%,d synthetic customers, wrk -t%d -c%d -d%ds --latency (after a %d s warm-up)%n%n",
                options.nodeHeap(), options.customers(), options.threads(), options.connections(),
                options.duration().toSeconds(), options.warmup().toSeconds()));
        text.append("| keys | key count | requests/s | p50 ms | p75 ms | p90 ms | p99 ms | non-2xx | socket errors "
                + "| node 1 CPU per request | node 1 / node 2 CPU | machine busy | load avg before → after |\n");
        text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (HttpBenchmark.Measured m : results) {
            WrkRun.Result wrk = m.wrk();
            double seconds = m.elapsed().toMillis() / 1000.0;
            double node1Cores = m.node1Cpu().toMillis() / 1000.0 / seconds;
            double node2Cores = m.node2Cpu().toMillis() / 1000.0 / seconds;
            double microsPerRequest = wrk.requests() == 0 ? 0 : m.node1Cpu().toNanos() / 1000.0 / wrk.requests();
            text.append(String.format(Locale.ROOT,
                    "| %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %.0f µs | %.2f / %.2f cores "
                            + "| %.0f%% of %d cores | %s → %s |%n",
                    m.keys(), m.keyCount(), wrk.requestsPerSecond(), wrk.p50(), wrk.p75(), wrk.p90(), wrk.p99(),
                    wrk.non2xx(), wrk.socketErrors(), microsPerRequest, node1Cores, node2Cores,
                    m.machine().busyShare() * 100, m.machine().cores(), m.machine().loadBefore(),
                    m.machine().loadAfter()));
        }
        text.append("\nwrk runs on the same machine and takes its share of the cores; \"machine busy\" counts every "
                + "process (nodes, broker, wrk and anyone else's work).\n");
        return text.toString();
    }
}
