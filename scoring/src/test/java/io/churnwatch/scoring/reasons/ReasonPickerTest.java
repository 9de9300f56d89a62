package io.churnwatch.scoring.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonPickerTest {

    @Test
    void theStrongestPushesTowardsChurnComeFirstAndTheBiasIsNotAReason() {
        float[] contributions = {0.1f, -0.9f, 0.7f, 0.3f, 0.05f, 5f};
        assertThat(ReasonPicker.pick(contributions, 5, 3)).containsExactly(2, 3, 0);
    }

    @Test
    void fewerPositivesGiveFewerReasons() {
        float[] contributions = {-0.1f, 0.4f, -0.9f, 0f};
        assertThat(ReasonPicker.pick(contributions, 3, 3)).containsExactly(1);
    }

    @Test
    void aSafeCustomerGetsWhatKeepsThemSafe() {
        float[] contributions = {-0.1f, -0.4f, 0f, -0.9f, 1f};
        assertThat(ReasonPicker.pick(contributions, 4, 2)).containsExactly(3, 1);
    }

    @Test
    void tiesGoToTheEarlierFeature() {
        float[] contributions = {0.2f, 0.5f, 0.5f, 0.2f};
        assertThat(ReasonPicker.pick(contributions, 4, 3)).containsExactly(1, 2, 0);
    }
}
