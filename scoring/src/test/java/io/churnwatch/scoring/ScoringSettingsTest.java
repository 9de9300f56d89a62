package io.churnwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.scoring.release.ChurnEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ScoringSettings settings = ScoringSettings.defaults();
        assertThat(settings.alertHysteresis()).isEqualTo(0.05);
        assertThat(settings.alertCooldown()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.holdoutShare()).isEqualTo(0.10);
        assertThat(settings.valueHorizonDays()).isZero();
        assertThat(settings.reasonCount()).isEqualTo(3);
        assertThat(settings.churnEngine()).isEqualTo(ChurnEngine.JAVA);
    }

    @Test
    void environmentVariablesOverrideDefaults() {
        ScoringSettings settings = ScoringSettings.from(Map.of(
                "CHURNWATCH_ALERT_HYSTERESIS", "0.1",
                "CHURNWATCH_ALERT_COOLDOWN_DAYS", "14",
                "CHURNWATCH_HOLDOUT_SHARE", "0.2",
                "CHURNWATCH_HOLDOUT_SALT", "spring-test",
                "CHURNWATCH_VALUE_HORIZON_DAYS", "365",
                "CHURNWATCH_REASON_COUNT", "5",
                "CHURNWATCH_CHURN_ENGINE", "XGBoost"));
        assertThat(settings).isEqualTo(new ScoringSettings(0.1, Duration.ofDays(14), 0.2, "spring-test", 365, 5,
                ChurnEngine.XGBOOST));
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> ScoringSettings.from(Map.of("CHURNWATCH_HOLDOUT_SHARE", "1.5")))
                .hasMessageContaining("CHURNWATCH_HOLDOUT_SHARE");
        assertThatThrownBy(() -> ScoringSettings.from(Map.of("CHURNWATCH_ALERT_COOLDOWN_DAYS", "a month")))
                .hasMessageContaining("CHURNWATCH_ALERT_COOLDOWN_DAYS");
        assertThatThrownBy(() -> ScoringSettings.from(Map.of("CHURNWATCH_CHURN_ENGINE", "onnx")))
                .hasMessageContaining("CHURNWATCH_CHURN_ENGINE");
    }

    @Test
    void everySettingIsDescribed() {
        String help = ScoringSettings.describe();
        for (ScoringSetting setting : ScoringSetting.values()) {
            assertThat(help).contains(setting.envVar());
        }
    }
}
