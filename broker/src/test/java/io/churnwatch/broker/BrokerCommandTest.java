package io.churnwatch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpExplainsEveryOptionAndVariable() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(text(out)).contains("--data-dir", "--port", "--controller-port", "--heap", "--help",
                "CHURNWATCH_DATA_DIR", "CHURNWATCH_KAFKA_PORT", "CHURNWATCH_KAFKA_CONTROLLER_PORT",
                "CHURNWATCH_KAFKA_HEAP", "broker.log");
    }

    @Test
    void badCommandLinesExitWithTwoAndSayWhy() {
        assertThat(run("--port")).isEqualTo(2);
        assertThat(text(err)).contains("--port needs a value");

        err.reset();
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(text(err)).contains("unknown option '--frobnicate'", "--help");

        err.reset();
        assertThat(run("--port", "9093")).isEqualTo(2);
        assertThat(text(err)).contains("must differ");
    }

    @Test
    void optionsWinOverTheEnvironment() {
        BrokerSettings fromEnv = BrokerSettings.fromEnvironment(Map.of("CHURNWATCH_KAFKA_PORT", "19092"));

        BrokerSettings settings = BrokerCommandLine.parse(
                new String[] {"--port", "29092", "--data-dir", "/tmp/k", "--heap", "1g"}).applyTo(fromEnv);

        assertThat(settings.clientPort()).isEqualTo(29092);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/k"));
        assertThat(settings.heap()).isEqualTo("1g");
    }

    private int run(String... args) {
        return BrokerCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
