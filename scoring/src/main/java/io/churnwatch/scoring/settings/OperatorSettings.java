package io.churnwatch.scoring.settings;

/**
 * Names of the settings an operator may change while the scorer runs, and of the global store that mirrors the
 * compacted {@code churnwatch-settings} topic on every instance. Values are plain UTF-8 text (e.g. {@code 0.25}),
 * so any client can write them; each reader parses its own setting and falls back to its configured default.
 */
public final class OperatorSettings {

    /** Global key-value store: setting name → text value. */
    public static final String STORE = "operator-settings-store";
    /** Share of alerted customers in the control group, a decimal in [0, 1]. */
    public static final String HOLDOUT_SHARE = "holdout-share";

    private OperatorSettings() {
    }
}
