package io.churnwatch.scoring;

/**
 * Every setting of the scorer: its environment variable, its default and what it means. The single source for
 * {@link ScoringSettings} and for {@code --help} texts of the applications that embed the scorer.
 */
public enum ScoringSetting {
    ALERT_HYSTERESIS("0.05", "An alert episode ends only once the churn probability falls below the release "
            + "threshold minus this much (and the cool-down has passed), so a score wobbling around the threshold "
            + "alerts once."),
    ALERT_COOLDOWN_DAYS("30", "Days of event time after an alert before its episode may end; a customer is "
            + "alerted again only after a new upward crossing that follows the end of the episode."),
    HOLDOUT_SHARE("0.10", "Share of alerted customers put in the HOLDOUT (control) group, which the CRM must not "
            + "contact; chosen deterministically from a hash of the customer id. 0 = no holdout."),
    HOLDOUT_SALT("churnwatch-holdout", "Mixed into the holdout hash; change it to draw a fresh holdout group."),
    VALUE_HORIZON_DAYS("0", "Days over which expected purchases and expected value (and so value at risk) are "
            + "computed; 0 = the release's value-model horizon, the one its alert threshold was chosen with."),
    REASON_COUNT("3", "How many reasons (SHAP contributions in words) each score carries."),
    CHURN_ENGINE("java", "How churn probabilities and their SHAP reasons are computed: 'java' walks the trees and "
            + "runs exact TreeSHAP in plain Java (a release it cannot reproduce, e.g. with categorical splits, uses "
            + "xgboost4j anyway); 'xgboost' calls xgboost4j's predictContrib for every record, several times "
            + "slower (see the scoring README).");

    private final String defaultValue;
    private final String description;

    ScoringSetting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The environment variable, e.g. {@code CHURNWATCH_ALERT_HYSTERESIS}. */
    public String envVar() {
        return "CHURNWATCH_" + name();
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
