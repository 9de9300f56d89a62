package io.churnwatch.trainer.cli;

import io.churnwatch.trainer.config.TrainerSetting;

/** The {@code --help} text, generated from the settings so it cannot drift from them. */
final class Usage {

    private Usage() {
    }

    static String text() {
        StringBuilder text = new StringBuilder();
        text.append("""
                Usage: train [--once | --every <duration>] [options]

                Reads every feature snapshot from the 'feature-snapshots' topic, trains the churn model (XGBoost),
                the segments and the value model (BG/NBD + Gamma-Gamma), evaluates them on the latest matured
                cutoff against the baselines, writes a report (markdown and JSON) and publishes a release to the
                'models' topic (key v<version>, and 'current' when promoted).

                  --once               train once and exit (the default unless a schedule is set)
                  --every <duration>   train now and then on this schedule, e.g. 30m, 6h, 1d; also at once when
                                       an operator asks (POST /admin/models/retrain on a serving node, which
                                       writes 'retrain-requested' to the 'churnwatch-settings' topic)
                  --help, -h           show this help

                Options (flag, environment variable, default):
                """);
        for (TrainerSetting setting : TrainerSetting.values()) {
            if (setting == TrainerSetting.EVERY) {
                continue;
            }
            text.append(String.format("  %-30s %s%n", setting.flag() + " <value>", setting.description()));
            text.append(String.format("  %-30s env %s, default '%s'%n", "", setting.envVar(),
                    setting.defaultValue()));
        }
        text.append("""

                The schedule can also come from CHURNWATCH_TRAIN_EVERY.

                Exit codes: 0 trained (promoted or not), 1 failed, 2 bad command line or settings,
                3 not enough matured data yet (--once only; a schedule waits for the next run).
                """);
        return text.toString();
    }
}
