package io.churnwatch.trainer;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.trainer.churn.ChurnDatasets;
import io.churnwatch.trainer.churn.ChurnModel;
import io.churnwatch.trainer.churn.ChurnModelTrainer;
import io.churnwatch.trainer.churn.EarlyStopping;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import io.churnwatch.trainer.churn.LabelledSet;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.release.CurrentReleaseScorer;
import io.churnwatch.trainer.release.PromotionDecision;
import io.churnwatch.trainer.release.PromotionGate;
import io.churnwatch.trainer.release.ReleaseAssembler;
import io.churnwatch.trainer.release.ReleaseContents;
import io.churnwatch.trainer.release.ReleaseHistory;
import io.churnwatch.trainer.release.ReleaseSegments;
import io.churnwatch.trainer.report.ReportWriter;
import io.churnwatch.trainer.report.TrainingReport;
import io.churnwatch.trainer.segments.SegmentTrainer;
import io.churnwatch.trainer.segments.SegmentTraining;
import io.churnwatch.trainer.trainingset.Cutoffs;
import io.churnwatch.trainer.trainingset.Labeller;
import io.churnwatch.trainer.trainingset.NotEnoughDataException;
import io.churnwatch.trainer.trainingset.PointInTimeValueModels;
import io.churnwatch.trainer.trainingset.SegmentInputs;
import io.churnwatch.trainer.trainingset.SnapshotIndex;
import io.churnwatch.trainer.trainingset.TimeSplit;
import io.churnwatch.trainer.trainingset.TimeSplitter;
import io.churnwatch.trainer.value.CustomerValueModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One training run, independent of where the snapshots come from: feature snapshots in, a model release and its
 * report out. The steps:
 * <ol>
 *   <li>index the snapshots by cutoff and split the matured monthly cutoffs by time with an embargo
 *       ({@link TimeSplitter}: test = latest matured cutoff, validation = latest cutoff whose label window ends by
 *       the test cutoff, training = cutoffs whose windows end by the validation cutoff);</li>
 *   <li>fit BG/NBD point-in-time at every cutoff used, label each cutoff from its {@code c + H} partner and
 *       vectorise ({@link ChurnDatasets});</li>
 *   <li>boost on the training cutoffs, stopping early on the validation cutoff; refit on every cutoff whose labels
 *       end by the test cutoff with the rounds found;</li>
 *   <li>measure every contender on the test cutoff, choose the alert threshold, train segments (test cutoff,
 *       names carried over) and the value model (latest monthly cutoff), apply the promotion gate.</li>
 * </ol>
 */
public final class Trainer {

    private final TrainingSettings settings;
    private final ProgressListener progress;
    private final Clock clock;

    public Trainer(TrainingSettings settings, ProgressListener progress, Clock clock) {
        this.settings = settings;
        this.progress = progress;
        this.clock = clock;
    }

    public Trainer(TrainingSettings settings) {
        this(settings, ProgressListener.SILENT, Clock.systemUTC());
    }

    /** Trains against the current release (empty on a first training). */
    public TrainingOutcome train(List<FeatureSnapshot> snapshots, Optional<ModelRelease> current)
            throws NotEnoughDataException {
        return train(snapshots, ReleaseHistory.of(current));
    }

    /**
     * Trains, evaluates, and writes the report (markdown and JSON) to {@code reportDirectory}: the one call for a
     * report on any list of snapshots, e.g. a full replay of a data set through the streams topology.
     */
    public TrainingOutcome trainAndReport(List<FeatureSnapshot> snapshots, Optional<ModelRelease> current,
                                          Path reportDirectory) throws NotEnoughDataException, IOException {
        TrainingOutcome outcome = train(snapshots, current);
        ReportWriter.write(outcome.report(), reportDirectory);
        return outcome;
    }

    public TrainingOutcome train(List<FeatureSnapshot> snapshots, ReleaseHistory history)
            throws NotEnoughDataException {
        int horizon = settings.horizonDays();
        progress.stage("indexing " + snapshots.size() + " snapshots");
        SnapshotIndex index = SnapshotIndex.of(snapshots);
        TimeSplit split = TimeSplitter.split(index, horizon);
        progress.stage("time split: " + split.describe());

        PointInTimeValueModels values = new PointInTimeValueModels(index, settings.bgNbdFitSample());
        List<Instant> cutoffs = new ArrayList<>(new TreeSet<>(concat(split.refit(), split.test())));
        progress.stage("fitting BG/NBD point-in-time at " + cutoffs.size() + " cutoffs");
        int[] fitted = {0};
        values.fitAll(cutoffs, settings.churnModel().threads(),
                cutoff -> progress.step("fitted BG/NBD at " + Cutoffs.date(cutoff), ++fitted[0], cutoffs.size()));

        progress.stage("labelling and vectorising " + cutoffs.size() + " cutoffs");
        ChurnDatasets datasets = new ChurnDatasets(new Labeller(index, horizon), values, FeatureVectorizer.all());
        Sets sets = new Sets(datasets.build(split.train()), datasets.build(List.of(split.validation())),
                datasets.build(split.refit()), datasets.build(List.of(split.test())));
        DataSufficiency.require(sets, split, datasets.skipped(), settings.minRowsPerClass(),
                index.maturedMonthlyCutoffs(horizon).size());

        ChurnModelTrainer boosting = new ChurnModelTrainer(settings.churnModel());
        progress.stage("boosting on " + sets.train().rows().size() + " rows, early stopping on "
                + sets.validation().rows().size() + " rows of " + Cutoffs.date(split.validation()));
        EarlyStopping stopping = boosting.findRounds(sets.train().matrix(), sets.validation().matrix(),
                (round, max, auc, logLoss) -> progress.boostingRound("early stopping", round, max, auc, logLoss));
        progress.stage("refitting on " + sets.refit().rows().size() + " rows with " + stopping.bestRounds()
                + " rounds");
        try (ChurnModel model = boosting.fit(sets.refit().matrix(), stopping.bestRounds(),
                (round, max, auc, logLoss) -> progress.boostingRound("refit", round, max, auc, logLoss))) {
            progress.stage("evaluating on test cutoff " + Cutoffs.date(split.test()));
            HoldoutEvaluation holdout = new HoldoutEvaluator(settings)
                    .evaluate(model, sets.test(), sets.refit(), values, split.test());
            PromotionDecision promotion = promote(history, holdout, sets.test(), values, split);

            progress.stage("training segments on " + Cutoffs.date(split.test()));
            Set<String> testCustomers = sets.testCustomers();
            SegmentTraining segments = new SegmentTrainer(settings.segments()).train(
                    index.at(split.test()).stream().map(FeatureSnapshot::getFeatures)
                            .filter(f -> testCustomers.contains(f.getCustomerId()))
                            .map(SegmentInputs::of).toList(),
                    history.current().flatMap(ReleaseSegments::of).orElse(null));

            Instant latest = index.monthlyCutoffs().get(index.monthlyCutoffs().size() - 1);
            progress.stage("fitting the value model on the latest cutoff " + Cutoffs.date(latest));
            CustomerValueModel valueModel = values.valueAt(latest);

            long version = history.nextVersion();
            Instant createdAt = clock.instant();
            String thresholdRule = holdout.threshold().rule() + " Customer value: " + holdout.customerValue() + ".";
            ModelRelease release = ReleaseAssembler.assemble(new ReleaseContents(version, createdAt, split,
                    model.featureNames(), model.toBytes(), holdout.contenders(), holdout.threshold(), thresholdRule,
                    promotion, segments.model(), valueModel.parameters()));
            TrainingReport report = new ReportAssembler(settings).assemble(new ReportAssembler.Facts(version,
                    createdAt, index, split, sets, datasets.skipped(), stopping, holdout, thresholdRule, promotion,
                    segments, latest, valueModel.purchases().customers(), valueModel));
            progress.stage(promotion.note());
            return new TrainingOutcome(release, report);
        }
    }

    private PromotionDecision promote(ReleaseHistory history, HoldoutEvaluation holdout, LabelledSet test,
                                      PointInTimeValueModels values, TimeSplit split) {
        PromotionGate gate = new PromotionGate(settings.promotionTolerance());
        Optional<ModelRelease> current = history.current();
        PromotionGate.Rescore rescore = current
                .map(release -> {
                    progress.stage("re-scoring the current release v" + release.getVersion() + " on the test cutoff");
                    return CurrentReleaseScorer.rescore(release, test.rows(), split.test(),
                            values.purchasesAt(split.test()).orElseThrow());
                })
                .orElse(PromotionGate.Rescore.failed("no current release"));
        return gate.decide(holdout.xgboost().rocAuc(), current.map(ModelRelease::getVersion), rescore,
                Cutoffs.date(split.test()));
    }

    private static List<Instant> concat(List<Instant> cutoffs, Instant extra) {
        List<Instant> all = new ArrayList<>(cutoffs);
        all.add(extra);
        return all;
    }
}
