package io.churnwatch.trainer.cli;

import io.churnwatch.trainer.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress for people watching a run: one line per stage, counts at most every 10 %, boosting every 10 rounds
 * (the refit every 50) and always the first and the last.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private String lastStep = "";
    private long lastDecile = -1;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void stage(String description) {
        out.println("[trainer] " + description);
    }

    @Override
    public void step(String what, long done, long total) {
        long decile = total <= 0 ? 10 : Math.min(10, done * 10 / total);
        if (what.equals(lastStep) && decile == lastDecile) {
            return;
        }
        out.printf(Locale.ROOT, "[trainer] %s %d/%d%n", what, done, total);
        lastStep = what;
        lastDecile = decile;
    }

    @Override
    public void boostingRound(String phase, int round, int maxRounds, double validationAuc,
                              double validationLogLoss) {
        int every = Double.isNaN(validationAuc) ? 50 : 10;
        if (round == 1 || round % every == 0 || round == maxRounds) {
            if (Double.isNaN(validationAuc)) {
                out.printf(Locale.ROOT, "[trainer] %s: boosting round %d/%d%n", phase, round, maxRounds);
            } else {
                out.printf(Locale.ROOT, "[trainer] %s: boosting round %d/%d, validation AUC %.4f, log-loss %.4f%n",
                        phase, round, maxRounds, validationAuc, validationLogLoss);
            }
        }
    }

    /** Reading progress of a topic, in the same style. */
    void reading(String topic, long read, long total) {
        step("reading " + topic + " records", read, total);
    }
}
