package io.churnwatch.trainer.config;

import java.util.Locale;

/**
 * Every setting of the trainer: its command-line flag, its environment variable, its default and what it means.
 * The single source for {@link TrainerConfig} and for {@code --help}. A flag beats the environment, which beats
 * the default.
 */
public enum TrainerSetting {
    BOOTSTRAP_SERVERS("localhost:9092", "Kafka bootstrap servers."),
    SCHEMA_REGISTRY_URL("http://localhost:8081",
            "Schema registry (Confluent API); mock://<scope> for an in-memory one."),
    HORIZON_DAYS("90", "Churn horizon H in days: churned at cutoff c = no purchase order in (c, c + H]. Must match "
            + "the streams app's label-horizon snapshots."),
    REPORT_DIR("training-reports", "Directory the markdown and JSON training reports are written to."),
    EVERY("", "Train on this schedule (e.g. 30m, 6h, 1d) instead of once; empty = once. Env: CHURNWATCH_TRAIN_EVERY."),
    PROMOTION_TOLERANCE("0.005", "Not promoted when test ROC-AUC is below the current release's (re-scored on the same "
            + "test cutoff) by more than this."),
    SAVE_RATE("0.2", "Share of contacted would-be churners the retention offer keeps (alert threshold economics)."),
    CONTACT_COST_MINOR("500", "Cost of one contact, in minor currency units (500 = 5.00)."),
    INCENTIVE_SHARE("0.10", "Cost of the retention offer (e.g. a discount) as a share of the customer's value over "
            + "the horizon; paid also by contacted customers who would have stayed (alert threshold economics)."),
    MIN_ROWS_PER_CLASS("20", "Train, validation and test sets each need this many churned and this many retained "
            + "customers."),
    BGNBD_FIT_SAMPLE("10000", "At most this many customers per cutoff for the point-in-time BG/NBD fits."),
    XGBOOST_THREADS("2", "Threads XGBoost may use."),
    MAX_ROUNDS("1000", "Upper bound on boosting rounds."),
    EARLY_STOPPING_ROUNDS("50", "Stop boosting when validation log-loss has not improved for this many rounds."),
    MODELS_REPLICATION_FACTOR("1", "Replication factor of the models topic, if the trainer has to create it."),
    READ_TIMEOUT("2m", "Give up reading a topic when no record arrives for this long before its end.");

    private final String defaultValue;
    private final String description;

    TrainerSetting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** e.g. {@code --bootstrap-servers}. */
    public String flag() {
        return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** e.g. {@code CHURNWATCH_BOOTSTRAP_SERVERS}; the schedule is {@code CHURNWATCH_TRAIN_EVERY}. */
    public String envVar() {
        return this == EVERY ? "CHURNWATCH_TRAIN_EVERY" : "CHURNWATCH_" + name();
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The setting a flag names, or null. */
    public static TrainerSetting byFlag(String flag) {
        for (TrainerSetting setting : values()) {
            if (setting.flag().equals(flag)) {
                return setting;
            }
        }
        return null;
    }
}
