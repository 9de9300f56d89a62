package io.churnwatch.scoring.alerts;

import java.time.Duration;

/**
 * When to alert: once when the churn probability reaches the release threshold, then not again until the episode
 * has ended. It ends at the first score below {@code threshold - hysteresis} that comes once the cool-down since
 * the alert (in event time) has passed; a dip during the cool-down does not count. A score wobbling around the
 * threshold therefore alerts once, and so does a customer who dips and relapses within the cool-down.
 */
public final class EpisodeRules {

    private final double hysteresis;
    private final long cooldownMillis;

    public EpisodeRules(double hysteresis, Duration cooldown) {
        this.hysteresis = hysteresis;
        this.cooldownMillis = cooldown.toMillis();
    }

    /**
     * @param state       the customer's episode state; null for a customer never alerted
     * @param probability the new churn probability
     * @param threshold   the current release's threshold
     * @param eventTime   the event time of the score (epoch millis)
     */
    public Decision decide(AlertEpisode state, double probability, double threshold, long eventTime) {
        AlertEpisode current = state == null ? AlertEpisode.NONE : state;
        if (current.open()) {
            boolean recovered = probability < threshold - hysteresis;
            boolean cooledDown = eventTime - current.alertedAt() >= cooldownMillis;
            return new Decision(recovered && cooledDown ? current.ended() : current, false);
        }
        if (probability >= threshold) {
            return new Decision(current.started(eventTime), true);
        }
        return new Decision(current, false);
    }

    /**
     * @param next  the state to keep
     * @param alert whether an alert goes out now (for episode {@code next.episodes()})
     */
    public record Decision(AlertEpisode next, boolean alert) {
    }
}
