package io.churnwatch.scoring.score;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.scoring.release.CurrentRelease;
import io.churnwatch.scoring.release.LoadedRelease;
import io.churnwatch.scoring.release.ReleaseRetiredException;
import io.churnwatch.scoring.release.ReleaseStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Re-scores a customer on every features update (a new order or an inactivity re-evaluation) with the current
 * release, keeps the latest score in {@value #STORE} and passes it on.
 */
public final class ScoreProcessor implements Processor<String, CustomerFeatures, String, ScoredCustomer> {

    /** customerId → latest CustomerScore; the HTTP API reads it. */
    public static final String STORE = "customer-scores-store";

    private final CurrentRelease current;
    private final CustomerScorer scorer;
    private ProcessorContext<String, ScoredCustomer> context;
    private KeyValueStore<String, CustomerScore> scores;
    private KeyValueStore<String, ModelRelease> releases;

    public ScoreProcessor(CurrentRelease current, CustomerScorer scorer) {
        this.current = current;
        this.scorer = scorer;
    }

    @Override
    public void init(ProcessorContext<String, ScoredCustomer> context) {
        this.context = context;
        this.scores = context.getStateStore(STORE);
        this.releases = context.getStateStore(ReleaseStore.NAME);
    }

    @Override
    public void process(Record<String, CustomerFeatures> record) {
        CustomerFeatures features = record.value();
        if (features == null) {
            return;
        }
        CustomerScore previous = scores.get(record.key());
        Double previousProbability = previous == null ? null : previous.getChurnProbability();
        ScoredCustomer scored = score(features, previousProbability);
        scores.put(record.key(), scored.score());
        context.forward(record.withValue(scored));
    }

    private ScoredCustomer score(CustomerFeatures features, Double previousProbability) {
        LoadedRelease release = currentRelease();
        try {
            return scorer.score(features, release, previousProbability);
        } catch (ReleaseRetiredException e) {
            // Swapped between fetching and predicting: the new release is installed by now.
            return scorer.score(features, currentRelease(), previousProbability);
        }
    }

    private LoadedRelease currentRelease() {
        return current.get(() -> releases.get(ReleaseStore.CURRENT));
    }
}
