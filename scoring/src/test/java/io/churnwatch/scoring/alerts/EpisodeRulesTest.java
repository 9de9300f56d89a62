package io.churnwatch.scoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.scoring.ScoringSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EpisodeRulesTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final double THRESHOLD = 0.6;

    private final ScoringSettings defaults = ScoringSettings.defaults();
    private final EpisodeRules rules = new EpisodeRules(defaults.alertHysteresis(), defaults.alertCooldown());

    @Test
    void theFirstScoreAtOrAboveTheThresholdAlerts() {
        assertThat(rules.decide(null, 0.59, THRESHOLD, 0).alert()).isFalse();
        EpisodeRules.Decision decision = rules.decide(null, 0.6, THRESHOLD, 5 * DAY);
        assertThat(decision.alert()).isTrue();
        assertThat(decision.next()).isEqualTo(new AlertEpisode(1, true, 5 * DAY));
    }

    @Test
    void wobblingInsideTheHysteresisBandDoesNotEndTheEpisode() {
        AlertEpisode open = new AlertEpisode(1, true, 0);
        // 0.56 is below the threshold but not below threshold - 0.05, even long after the cool-down.
        EpisodeRules.Decision dip = rules.decide(open, 0.56, THRESHOLD, 100 * DAY);
        assertThat(dip.next()).isEqualTo(open);
        assertThat(rules.decide(dip.next(), 0.7, THRESHOLD, 101 * DAY).alert()).isFalse();
    }

    @Test
    void recoveryEndsTheEpisodeOnlyAfterTheCoolDown() {
        AlertEpisode open = new AlertEpisode(1, true, 0);
        assertThat(rules.decide(open, 0.3, THRESHOLD, 29 * DAY).next().open()).isTrue();
        AlertEpisode ended = rules.decide(open, 0.3, THRESHOLD, 30 * DAY).next();
        assertThat(ended).isEqualTo(new AlertEpisode(1, false, 0));

        EpisodeRules.Decision again = rules.decide(ended, 0.65, THRESHOLD, 31 * DAY);
        assertThat(again.alert()).isTrue();
        assertThat(again.next()).isEqualTo(new AlertEpisode(2, true, 31 * DAY));
    }

    @Test
    void aRecoveryJustBelowTheBandCounts() {
        AlertEpisode open = new AlertEpisode(3, true, 0);
        assertThat(rules.decide(open, 0.5499, THRESHOLD, 40 * DAY).next().open()).isFalse();
        assertThat(rules.decide(open, 0.55, THRESHOLD, 40 * DAY).next().open()).isTrue();
    }

    @Test
    void serdeRoundTrips() {
        AlertEpisodeSerde serde = new AlertEpisodeSerde();
        AlertEpisode episode = new AlertEpisode(7, true, 1_300_000_000_000L);
        byte[] bytes = serde.serializer().serialize("t", episode);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(episode);
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
