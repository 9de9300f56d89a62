package io.churnwatch.scoring.reasons;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses which SHAP contributions become a score's reasons. A CRM user asks "why is this customer at risk?", so
 * the reasons are the features pushing hardest towards churn. A customer with nothing pushing towards churn gets
 * the features pushing hardest away from it instead ("why is this customer safe?"); the sign of each reason's
 * contribution tells which.
 */
public final class ReasonPicker {

    private ReasonPicker() {
    }

    /**
     * @param contributions one SHAP value per feature, optionally followed by the bias (ignored)
     * @param features      how many of {@code contributions} are features
     * @return feature indices, strongest first; ties go to the earlier feature so the choice is deterministic
     */
    public static List<Integer> pick(float[] contributions, int features, int count) {
        if (features > contributions.length) {
            throw new IllegalArgumentException(features + " features but " + contributions.length + " contributions");
        }
        // Plain arrays rather than sorted streams of boxed indices: this runs for every score in the stream.
        int[] chosen = new int[features];
        int size = 0;
        for (int j = 0; j < features; j++) {
            if (contributions[j] > 0) {
                chosen[size++] = j;
            }
        }
        boolean towardsChurn = size > 0;
        if (!towardsChurn) {
            for (int j = 0; j < features; j++) {
                if (contributions[j] != 0) {
                    chosen[size++] = j;
                }
            }
        }
        // Insertion sort, stable, so among equal strengths the earlier feature stays first.
        for (int i = 1; i < size; i++) {
            int column = chosen[i];
            double strength = strength(contributions[column], towardsChurn);
            int at = i;
            while (at > 0 && strength(contributions[chosen[at - 1]], towardsChurn) < strength) {
                chosen[at] = chosen[at - 1];
                at--;
            }
            chosen[at] = column;
        }
        List<Integer> picked = new ArrayList<>(Math.min(count, size));
        for (int i = 0; i < Math.min(count, size); i++) {
            picked.add(chosen[i]);
        }
        return List.copyOf(picked);
    }

    private static double strength(float contribution, boolean towardsChurn) {
        return towardsChurn ? contribution : Math.abs(contribution);
    }
}
