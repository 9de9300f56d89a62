package io.churnwatch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code broker} as a user would, in its own JVM, and kills it the hard way. */
class BrokerCommandProcessTest {

    @TempDir
    Path tmp;

    @Test
    void printsReadyAndTheBrokerDiesWithTheCommandEvenWhenKilled() throws Exception {
        int[] ports = FreePorts.two();
        Path dataDir = tmp.resolve("kafka");
        Process command = new ProcessBuilder(ChildJvm.command(List.of("-Xmx128m"), BrokerCommand.class.getName(),
                List.of("--data-dir", dataDir.toString(), "--port", String.valueOf(ports[0]),
                        "--controller-port", String.valueOf(ports[1]), "--heap", "256m")))
                .redirectErrorStream(true)
                .start();
        try {
            CompletableFuture<String> readyLine = CompletableFuture.supplyAsync(() -> firstLineWith(command, "ready"));
            String ready = readyLine.get(120, TimeUnit.SECONDS);
            assertThat(ready).matches("Kafka broker ready on 127\\.0\\.0\\.1:" + ports[0]
                    + " in \\d+\\.\\d s \\(data: .*kafka, newly formatted\\)");
            long brokerPid = Long.parseLong(Files.readString(dataDir.resolve("broker.pid")).trim());
            assertThat(ProcessHandle.of(brokerPid)).isPresent();

            command.destroyForcibly(); // SIGKILL: no shutdown hook runs in the command's JVM

            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> ProcessHandle.of(brokerPid).map(p -> !p.isAlive()).orElse(true));
            assertThat(accepts(ports[0])).isFalse();
        } finally {
            command.destroyForcibly();
        }
    }

    private static String firstLineWith(Process process, String text) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            throw new AssertionError("the broker command ended without printing '" + text + "'");
        } catch (IOException e) {
            throw new AssertionError("could not read the broker command's output", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
