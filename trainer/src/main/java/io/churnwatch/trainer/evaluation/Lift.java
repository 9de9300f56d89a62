package io.churnwatch.trainer.evaluation;

/**
 * Lift at the top of the ranking: the churn rate among the highest-scored {@code ceil(fraction * n)} customers
 * divided by the overall churn rate. When the cut falls inside a group of tied scores, the group contributes
 * its expected share (the cut takes some of its members at random), so ties cannot flatter a model.
 */
public final class Lift {

    public static final double TOP_DECILE = 0.10;

    private Lift() {
    }

    /** Lift in the top 10%. */
    public static double topDecile(double[] scores, boolean[] churned) {
        return atTop(scores, churned, TOP_DECILE);
    }

    public static double atTop(double[] scores, boolean[] churned, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must lie in (0, 1], got " + fraction);
        }
        RankedOutcomes ranked = RankedOutcomes.of(scores, churned);
        if (ranked.positives() == 0) {
            throw new IllegalArgumentException("lift needs at least one churned customer");
        }
        int n = ranked.size();
        // The small epsilon keeps e.g. 0.1 * 30 = 3.0000000000000004 from becoming 4.
        int cut = Math.max(1, (int) Math.ceil(fraction * n - 1e-9));
        double positivesInTop = 0;
        for (int g = 0; g < ranked.groups() && ranked.groupStart(g) < cut; g++) {
            int size = ranked.groupEnd(g) - ranked.groupStart(g);
            int taken = Math.min(ranked.groupEnd(g), cut) - ranked.groupStart(g);
            positivesInTop += (double) ranked.positivesInGroup(g) * taken / size;
        }
        double baseRate = (double) ranked.positives() / n;
        return positivesInTop / cut / baseRate;
    }
}
