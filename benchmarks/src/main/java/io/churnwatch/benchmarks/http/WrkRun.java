package io.churnwatch.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of wrk with a Lua script that cycles through a key file, and what it printed: requests per second and
 * the latency percentiles of {@code --latency}, plus the answers that were not 2xx/3xx and socket errors (a run
 * with either does not measure what it claims to).
 */
final class WrkRun {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Latencies in milliseconds. */
    record Result(double requestsPerSecond, long requests, double p50, double p75, double p90, double p99,
                  long non2xx, long socketErrors, String output) {

        boolean clean() {
            return non2xx == 0 && socketErrors == 0 && requests > 0;
        }
    }

    private WrkRun() {
    }

    static List<String> command(String url, Path lua, Path keys, int threads, int connections, Duration duration) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "--timeout", "10s", "-s", lua.toString(), url, "--",
                keys.toString()));
        return command;
    }

    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("wrk exited with " + exit + ":\n" + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run wrk (install it: sudo apt-get install -y wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result parse(String output) {
        Matcher rps = REQUESTS_PER_SECOND.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rps.find() || !total.find()) {
            throw new IllegalStateException("wrk printed no request rate:\n" + output);
        }
        double[] percentiles = new double[4];
        Matcher percentile = PERCENTILE.matcher(output);
        int found = 0;
        while (percentile.find()) {
            int index = switch (percentile.group(1)) {
                case "50" -> 0;
                case "75" -> 1;
                case "90" -> 2;
                default -> 3;
            };
            percentiles[index] = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            found++;
        }
        if (found < 4) {
            throw new IllegalStateException("wrk printed no latency distribution (--latency):\n" + output);
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher errors = SOCKET_ERRORS.matcher(output);
        long socketErrors = 0;
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(errors.group(group));
            }
        }
        return new Result(Double.parseDouble(rps.group(1)), Long.parseLong(total.group(1)), percentiles[0],
                percentiles[1], percentiles[2], percentiles[3], non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors, output);
    }

    private static double millis(double value, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
