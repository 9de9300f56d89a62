package io.churnwatch.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void rendersShareOrdersAndRate() {
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), true, 0);

        assertThat(bar.render(0.5, 12_000, 2 * SECOND))
                .isEqualTo("[###############---------------]  50.0%  12,000 orders  6,000 orders/s");
        assertThat(bar.render(1.7, 1, SECOND)).startsWith("[##############################] 100.0%");
    }

    @Test
    void printsATenthAtATimeWhenNotOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0);

        for (int i = 1; i <= 1000; i++) {
            bar.update(i / 1000.0, i, i * SECOND / 1000);
        }
        bar.finish(1.0, 1000, SECOND);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).as("one line per tenth reached, 0%..90%, then the final one").hasSize(11);
        assertThat(lines[10]).contains("100.0%").contains("1,000 orders");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }
}
