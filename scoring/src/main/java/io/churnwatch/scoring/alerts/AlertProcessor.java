package io.churnwatch.scoring.alerts;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.scoring.score.ScoredCustomer;
import io.churnwatch.scoring.settings.OperatorSettings;
import io.churnwatch.scoring.treatment.HoldoutAssignment;
import io.churnwatch.scoring.treatment.HoldoutShare;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sends a {@link ChurnAlert} when a customer's churn probability reaches the release threshold, once per episode
 * (see {@link EpisodeRules}), with the episode state per customer in {@value #STORE}. Without a release nothing is
 * sent. The alert id {@code customerId:episode} is the same however often the episode is replayed, so consumers
 * can de-duplicate on it. The treatment group uses the holdout share in force when the alert is sent (the global
 * {@value OperatorSettings#STORE}, else the configured share): a change affects later alerts only.
 */
public final class AlertProcessor implements Processor<String, ScoredCustomer, String, ChurnAlert> {

    /** customerId → AlertEpisode. */
    public static final String STORE = "alert-episodes-store";

    private final EpisodeRules rules;
    private final HoldoutAssignment holdout;
    private final HoldoutShare holdoutShare;
    private ProcessorContext<String, ChurnAlert> context;
    private KeyValueStore<String, AlertEpisode> episodes;
    private KeyValueStore<String, String> operatorSettings;

    public AlertProcessor(EpisodeRules rules, HoldoutAssignment holdout, HoldoutShare holdoutShare) {
        this.rules = rules;
        this.holdout = holdout;
        this.holdoutShare = holdoutShare;
    }

    @Override
    public void init(ProcessorContext<String, ChurnAlert> context) {
        this.context = context;
        this.episodes = context.getStateStore(STORE);
        this.operatorSettings = context.getStateStore(OperatorSettings.STORE);
    }

    @Override
    public void process(Record<String, ScoredCustomer> record) {
        ScoredCustomer scored = record.value();
        CustomerScore score = scored.score();
        if (!scored.hasModel() || score.getChurnProbability() == null || scored.threshold() == null) {
            return;
        }
        AlertEpisode state = episodes.get(record.key());
        long eventTime = score.getScoredAt().toEpochMilli();
        EpisodeRules.Decision decision = rules.decide(state, score.getChurnProbability(), scored.threshold(),
                eventTime);
        if (!decision.next().equals(state)) {
            episodes.put(record.key(), decision.next());
        }
        if (decision.alert()) {
            context.forward(record.withValue(alert(scored, decision.next().episodes())));
        }
    }

    private ChurnAlert alert(ScoredCustomer scored, int episode) {
        CustomerScore score = scored.score();
        double share = holdoutShare.inForce(operatorSettings.get(OperatorSettings.HOLDOUT_SHARE));
        return ChurnAlert.newBuilder()
                .setAlertId(score.getCustomerId() + ":" + episode)
                .setCustomerId(score.getCustomerId())
                .setProbability(score.getChurnProbability())
                .setPreviousProbability(scored.previousProbability())
                .setThreshold(scored.threshold())
                .setReasons(score.getReasons())
                .setSegment(score.getSegment())
                // A customer without purchases has no expected value, so nothing of it is at risk.
                .setValueAtRiskMinor(score.getValueAtRiskMinor() == null ? 0 : score.getValueAtRiskMinor())
                .setModelVersion(score.getModelVersion())
                .setEventTime(score.getScoredAt())
                .setTreatment(holdout.groupOf(score.getCustomerId(), share))
                .build();
    }
}
