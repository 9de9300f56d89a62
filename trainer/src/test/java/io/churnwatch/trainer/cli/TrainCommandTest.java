package io.churnwatch.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.trainer.config.Durations;
import io.churnwatch.trainer.config.TrainerConfig;
import io.churnwatch.trainer.config.TrainerSetting;
import io.churnwatch.trainer.config.TrainingSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line without a broker: help, usage errors, and where each setting comes from. */
class TrainCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new TrainCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    @Test
    void helpListsEveryOptionWithItsVariableAndDefault() {
        assertThat(run(Map.of(), "train", "--help")).isEqualTo(TrainCommand.OK);
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("--once", "--every <duration>", "--bootstrap-servers", "CHURNWATCH_BOOTSTRAP_SERVERS",
                "--horizon-days", "default '90'", "--report-dir", "CHURNWATCH_TRAIN_EVERY", "Exit codes");
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        assertThat(run(Map.of(), "train", "--frobnicate", "3")).isEqualTo(TrainCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--frobnicate'", "--help");
    }

    @Test
    void onceAndEveryTogetherIsAUsageError() {
        assertThat(run(Map.of(), "--once", "--every", "6h")).isEqualTo(TrainCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--once and --every exclude each other");
    }

    @Test
    void aMalformedValueNamesTheFlagAndTheVariable() {
        assertThat(run(Map.of("CHURNWATCH_HORIZON_DAYS", "ninety"), "--once")).isEqualTo(TrainCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("invalid value 'ninety' for CHURNWATCH_HORIZON_DAYS", "--horizon-days");
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheDefault() {
        TrainerConfig config = TrainerConfig.from(
                Map.of("CHURNWATCH_HORIZON_DAYS", "60", "CHURNWATCH_BOOTSTRAP_SERVERS", "env:9092",
                        "CHURNWATCH_TRAIN_EVERY", "6h"),
                Map.of(TrainerSetting.BOOTSTRAP_SERVERS, "flag:9092", TrainerSetting.REPORT_DIR, "/tmp/r"));
        assertThat(config.bootstrapServers()).isEqualTo("flag:9092");
        assertThat(config.training().horizonDays()).isEqualTo(60);
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.reportDir()).isEqualTo(Path.of("/tmp/r"));
        assertThat(config.every()).contains(Duration.ofHours(6));
        assertThat(config.once().every()).isEmpty();
        assertThat(config.training().contactCostMinor()).isEqualTo(500);
        assertThat(config.training().incentiveShare()).isEqualTo(TrainingSettings.DEFAULT_INCENTIVE_SHARE);
    }

    @Test
    void theThresholdEconomicsComeFromTheEnvironment() {
        TrainerConfig config = TrainerConfig.from(Map.of("CHURNWATCH_SAVE_RATE", "0.3",
                "CHURNWATCH_CONTACT_COST_MINOR", "150", "CHURNWATCH_INCENTIVE_SHARE", "0.25"), Map.of());
        assertThat(config.training().saveRate()).isEqualTo(0.3);
        assertThat(config.training().contactCostMinor()).isEqualTo(150);
        assertThat(config.training().incentiveShare()).isEqualTo(0.25);

        assertThat(run(Map.of("CHURNWATCH_INCENTIVE_SHARE", "1.5"), "--once")).isEqualTo(TrainCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("invalid value '1.5' for CHURNWATCH_INCENTIVE_SHARE", "--incentive-share", "[0, 1]");
    }

    @Test
    void commandLinesParseWithSpacesOrEqualsAndAnOptionalTrainWord() {
        CommandLine line = CommandLine.parse(List.of("train", "--every=30m", "--horizon-days", "120"));
        assertThat(line.once()).isFalse();
        assertThat(line.flags()).containsEntry(TrainerSetting.EVERY, "30m")
                .containsEntry(TrainerSetting.HORIZON_DAYS, "120");
    }

    @Test
    void durationsReadTheWayPeopleWriteThem() {
        assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.format(Duration.ofHours(6))).isEqualTo("6h");
        assertThat(run(Map.of(), "--every", "soon")).isEqualTo(TrainCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a duration: 'soon'");
    }
}
