package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.producers.onlineretail.ProjectSample;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void defaultsReplayTheSampleOnlyWhenNothingIsThereYet() {
        DemoOptions options = DemoOptions.parse(new String[0]);

        assertThat(options.data()).isNull();
        assertThat(options.replay()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void ownDataIsAlwaysReplayed() {
        DemoOptions options = DemoOptions.parse(new String[] {"--data", ProjectSample.onlineRetailII().toString()});

        assertThat(options.data()).isEqualTo(ProjectSample.onlineRetailII());
        assertThat(options.replay()).isTrue();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--data"})).hasMessageContaining("--data needs");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--data", "/no/such.csv"}))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--fast"})).hasMessageContaining("'--fast'");
    }

    @Test
    void helpExplainsWhatRunsAndHowToResume() {
        assertThat(DemoOptions.parse(new String[] {"--help"}).help()).isTrue();
        assertThat(DemoOptions.USAGE).contains("--data", "--replay", "Ctrl-C", "resumes", DemoCommand.SPLIT,
                "CHURNWATCH_DATA_DIR");
    }
}
