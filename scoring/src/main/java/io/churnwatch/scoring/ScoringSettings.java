package io.churnwatch.scoring;

import io.churnwatch.scoring.release.ChurnEngine;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything the scorer's behaviour depends on, typed. See {@link ScoringSetting} for the environment variables
 * and defaults.
 *
 * @param alertHysteresis  how far below the threshold the probability must fall to end an alert episode
 * @param alertCooldown    event time after an alert before its episode may end
 * @param holdoutShare     share of alerted customers in the control group, in [0, 1]
 * @param holdoutSalt      mixed into the holdout hash
 * @param valueHorizonDays horizon of expected purchases and value; 0 = the release's value-model horizon
 * @param reasonCount      reasons per score
 * @param churnEngine      how churn probabilities and SHAP reasons are computed (plain Java or xgboost4j)
 */
public record ScoringSettings(double alertHysteresis, Duration alertCooldown, double holdoutShare,
                              String holdoutSalt, int valueHorizonDays, int reasonCount, ChurnEngine churnEngine) {

    public ScoringSettings {
        if (!(alertHysteresis >= 0 && alertHysteresis < 1)) {
            throw new IllegalArgumentException("alert hysteresis must lie in [0, 1), got " + alertHysteresis);
        }
        if (alertCooldown == null || alertCooldown.isNegative()) {
            throw new IllegalArgumentException("alert cool-down must be >= 0, got " + alertCooldown);
        }
        if (!(holdoutShare >= 0 && holdoutShare <= 1)) {
            throw new IllegalArgumentException("holdout share must lie in [0, 1], got " + holdoutShare);
        }
        if (holdoutSalt == null) {
            throw new IllegalArgumentException("holdout salt must not be null");
        }
        if (valueHorizonDays < 0) {
            throw new IllegalArgumentException("value horizon must be >= 0 days, got " + valueHorizonDays);
        }
        if (reasonCount < 0) {
            throw new IllegalArgumentException("reason count must be >= 0, got " + reasonCount);
        }
        if (churnEngine == null) {
            throw new IllegalArgumentException("churn engine must not be null");
        }
    }

    public static ScoringSettings defaults() {
        return from(Map.of());
    }

    /** Reads the process environment. */
    public static ScoringSettings fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Reads settings from a map of environment variables; missing ones take their defaults, and a malformed one
     * fails with the variable's name in the message.
     */
    public static ScoringSettings from(Map<String, String> env) {
        return new ScoringSettings(
                read(env, ScoringSetting.ALERT_HYSTERESIS, text -> fraction(text, false)),
                Duration.ofDays(read(env, ScoringSetting.ALERT_COOLDOWN_DAYS,
                        text -> nonNegative(Long.parseLong(text)))),
                read(env, ScoringSetting.HOLDOUT_SHARE, text -> fraction(text, true)),
                read(env, ScoringSetting.HOLDOUT_SALT, Function.identity()),
                read(env, ScoringSetting.VALUE_HORIZON_DAYS, text -> (int) nonNegative(Integer.parseInt(text))),
                read(env, ScoringSetting.REASON_COUNT, text -> (int) nonNegative(Integer.parseInt(text))),
                read(env, ScoringSetting.CHURN_ENGINE, ChurnEngine::parse));
    }

    /** One line per setting, for {@code --help}. */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        for (ScoringSetting setting : ScoringSetting.values()) {
            text.append(String.format(Locale.ROOT, "  %-36s %s (default: %s)%n", setting.envVar(),
                    setting.description(), setting.defaultValue()));
        }
        return text.toString();
    }

    public ScoringSettings withAlertHysteresis(double hysteresis) {
        return new ScoringSettings(hysteresis, alertCooldown, holdoutShare, holdoutSalt, valueHorizonDays,
                reasonCount, churnEngine);
    }

    public ScoringSettings withAlertCooldown(Duration cooldown) {
        return new ScoringSettings(alertHysteresis, cooldown, holdoutShare, holdoutSalt, valueHorizonDays,
                reasonCount, churnEngine);
    }

    public ScoringSettings withHoldoutShare(double share) {
        return new ScoringSettings(alertHysteresis, alertCooldown, share, holdoutSalt, valueHorizonDays, reasonCount,
                churnEngine);
    }

    public ScoringSettings withValueHorizonDays(int days) {
        return new ScoringSettings(alertHysteresis, alertCooldown, holdoutShare, holdoutSalt, days, reasonCount,
                churnEngine);
    }

    public ScoringSettings withChurnEngine(ChurnEngine engine) {
        return new ScoringSettings(alertHysteresis, alertCooldown, holdoutShare, holdoutSalt, valueHorizonDays,
                reasonCount, engine);
    }

    private static double fraction(String text, boolean oneAllowed) {
        double value = Double.parseDouble(text);
        if (!(value >= 0 && (oneAllowed ? value <= 1 : value < 1))) {
            throw new IllegalArgumentException("must lie in [0, 1" + (oneAllowed ? "]" : ")"));
        }
        return value;
    }

    private static long nonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return value;
    }

    private static <T> T read(Map<String, String> env, ScoringSetting setting, Function<String, T> parse) {
        String raw = env.get(setting.envVar());
        String text = raw == null || raw.isBlank() ? setting.defaultValue() : raw.trim();
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(setting.envVar() + "='" + text + "' is invalid: " + e.getMessage(), e);
        }
    }
}
