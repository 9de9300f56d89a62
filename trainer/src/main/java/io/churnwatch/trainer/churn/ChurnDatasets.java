package io.churnwatch.trainer.churn;

import io.churnwatch.trainer.trainingset.Cutoffs;
import io.churnwatch.trainer.trainingset.LabelledCutoff;
import io.churnwatch.trainer.trainingset.LabelledRow;
import io.churnwatch.trainer.trainingset.Labeller;
import io.churnwatch.trainer.trainingset.PointInTimeValueModels;
import io.churnwatch.trainer.value.BgNbdModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the churn model's labelled feature matrices, cutoff by cutoff. The features of a row at cutoff {@code c}
 * come from the customer's snapshot at {@code c} and from a BG/NBD model fitted on the snapshots at {@code c}
 * only; the label is the one thing taken from {@code c + H} (see {@link Labeller}). Cutoffs are vectorised once
 * and cached, since the early-stopping, refit and test sets share them.
 */
public final class ChurnDatasets {

    private final Labeller labeller;
    private final PointInTimeValueModels valueModels;
    private final FeatureVectorizer vectorizer;
    private final int horizonDays;
    private final Map<Instant, Block> blocks = new HashMap<>();
    private final Map<Instant, String> skipped = new LinkedHashMap<>();

    public ChurnDatasets(Labeller labeller, PointInTimeValueModels valueModels, FeatureVectorizer vectorizer) {
        this.labeller = labeller;
        this.valueModels = valueModels;
        this.vectorizer = vectorizer;
        this.horizonDays = labeller.horizonDays();
    }

    /**
     * The labelled rows of {@code cutoffs}, in cutoff order. A cutoff where BG/NBD cannot be fitted (e.g. nobody has
     * a repeat purchase yet) is left out and listed in {@link #skipped}.
     */
    public LabelledSet build(List<Instant> cutoffs) {
        List<Block> included = new ArrayList<>();
        for (Instant cutoff : cutoffs) {
            block(cutoff).ifPresent(included::add);
        }
        int rows = included.stream().mapToInt(b -> b.labelled.rows().size()).sum();
        int width = vectorizer.width();
        float[] values = new float[Math.multiplyExact(rows, width)];
        float[] labels = new float[rows];
        List<LabelledRow> allRows = new ArrayList<>(rows);
        List<LabelledCutoff> labelled = new ArrayList<>();
        int offset = 0;
        for (Block block : included) {
            System.arraycopy(block.values, 0, values, offset * width, block.values.length);
            for (LabelledRow row : block.labelled.rows()) {
                labels[offset++] = row.churned() ? 1f : 0f;
                allRows.add(row);
            }
            labelled.add(block.labelled);
        }
        return new LabelledSet(allRows, new FeatureMatrix(values, rows, vectorizer.names(), labels), labelled);
    }

    /** Cutoffs left out, with the reason. */
    public Map<Instant, String> skipped() {
        return Map.copyOf(skipped);
    }

    public FeatureVectorizer vectorizer() {
        return vectorizer;
    }

    private Optional<Block> block(Instant cutoff) {
        if (blocks.containsKey(cutoff)) {
            return Optional.of(blocks.get(cutoff));
        }
        if (skipped.containsKey(cutoff)) {
            return Optional.empty();
        }
        Optional<BgNbdModel> bgNbd = valueModels.purchasesAt(cutoff);
        if (bgNbd.isEmpty()) {
            skipped.put(cutoff, "BG/NBD cannot be fitted at " + Cutoffs.date(cutoff) + ": "
                    + valueModels.failures().get(cutoff));
            return Optional.empty();
        }
        LabelledCutoff labelled = labeller.label(cutoff);
        int width = vectorizer.width();
        float[] values = new float[Math.multiplyExact(labelled.rows().size(), width)];
        int i = 0;
        for (LabelledRow row : labelled.rows()) {
            vectorizer.fill(values, i++ * width,
                    FeatureVectorizer.context(row.features(), cutoff, bgNbd.get(), horizonDays));
        }
        Block block = new Block(labelled, values);
        blocks.put(cutoff, block);
        return Optional.of(block);
    }

    private record Block(LabelledCutoff labelled, float[] values) {
    }
}
