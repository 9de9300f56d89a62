package io.churnwatch.scoring.reasons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

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
        Comparator<Integer> towardsChurn = Comparator.comparingDouble((Integer j) -> -contributions[j])
                .thenComparingInt(j -> j);
        List<Integer> positive = IntStream.range(0, features).filter(j -> contributions[j] > 0).boxed()
                .sorted(towardsChurn).toList();
        if (!positive.isEmpty()) {
            return List.copyOf(positive.subList(0, Math.min(count, positive.size())));
        }
        List<Integer> strongest = new ArrayList<>(IntStream.range(0, features).filter(j -> contributions[j] != 0)
                .boxed().toList());
        strongest.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(contributions[j])).thenComparingInt(j -> j));
        return List.copyOf(strongest.subList(0, Math.min(count, strongest.size())));
    }
}
