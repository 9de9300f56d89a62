package io.churnwatch.trainer.trainingset;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.trainer.value.BgNbdModel;
import io.churnwatch.trainer.value.CustomerValueModel;
import io.churnwatch.trainer.value.GammaGammaModel;
import io.churnwatch.trainer.value.RfmSummary;
import io.churnwatch.trainer.value.SpendSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * BG/NBD (and Gamma-Gamma) fitted point-in-time: the model for cutoff {@code c} learns only from the snapshots at
 * {@code c}, so its outputs are features known at {@code c} and can go into the row without leaking the label.
 * Fits are cached per cutoff.
 *
 * <p>The parameters describe the population, so a fit on a sample is as good as one on everyone: above
 * {@code fitSample} customers, a fixed pseudo-random subset (by a hash of the customer id) is used, which keeps a
 * cutoff of a million customers from costing minutes of likelihood evaluations.
 */
public final class PointInTimeValueModels {

    private final SnapshotIndex index;
    private final int fitSample;
    private final Map<Instant, Optional<BgNbdModel>> purchases = new ConcurrentHashMap<>();
    private final Map<Instant, String> failures = new ConcurrentHashMap<>();

    public PointInTimeValueModels(SnapshotIndex index, int fitSample) {
        if (fitSample < 10) {
            throw new IllegalArgumentException("the BG/NBD fit sample must hold at least 10 customers, got " + fitSample);
        }
        this.index = index;
        this.fitSample = fitSample;
    }

    /** BG/NBD fitted at {@code cutoff}; empty (see {@link #failures}) when the customers there cannot support a fit. */
    public Optional<BgNbdModel> purchasesAt(Instant cutoff) {
        Optional<BgNbdModel> fitted = purchases.get(cutoff);
        if (fitted == null) {
            fitted = fitPurchases(cutoff);
            purchases.put(cutoff, fitted);
        }
        return fitted;
    }

    /**
     * Fits BG/NBD at every cutoff not fitted yet, {@code threads} at a time (each fit is independent and takes
     * seconds); {@code fitted} hears of each one as it completes.
     */
    public void fitAll(List<Instant> cutoffs, int threads, Consumer<Instant> fitted) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "bgnbd-fit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Instant> done = new ExecutorCompletionService<>(pool);
            int submitted = 0;
            for (Instant cutoff : cutoffs) {
                if (!purchases.containsKey(cutoff)) {
                    done.submit(() -> {
                        purchases.put(cutoff, fitPurchases(cutoff));
                        return cutoff;
                    });
                    submitted++;
                }
            }
            for (int i = 0; i < submitted; i++) {
                fitted.accept(done.take().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting BG/NBD", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("BG/NBD fit failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** BG/NBD with Gamma-Gamma at {@code cutoff}, for customer value in money. */
    public CustomerValueModel valueAt(Instant cutoff) {
        BgNbdModel bgNbd = purchasesAt(cutoff).orElseThrow(() -> new IllegalStateException(
                "no BG/NBD model at " + Cutoffs.date(cutoff) + ": " + failures.get(cutoff)));
        List<SpendSummary> spend = sample(cutoff).stream().map(CustomerSummaries::spend).toList();
        return new CustomerValueModel(bgNbd, GammaGammaModel.fit(spend));
    }

    /** Why a fit failed, by cutoff. */
    public Map<Instant, String> failures() {
        return Map.copyOf(failures);
    }

    private Optional<BgNbdModel> fitPurchases(Instant cutoff) {
        List<RfmSummary> summaries = sample(cutoff).stream().map(f -> CustomerSummaries.rfm(f, cutoff)).toList();
        try {
            return Optional.of(BgNbdModel.fit(summaries));
        } catch (IllegalArgumentException | IllegalStateException e) {
            failures.put(cutoff, e.getMessage());
            return Optional.empty();
        }
    }

    private List<CustomerFeatures> sample(Instant cutoff) {
        List<CustomerFeatures> customers = new ArrayList<>();
        for (FeatureSnapshot snapshot : index.at(cutoff)) {
            if (Labeller.isCustomerAt(snapshot.getFeatures(), cutoff)) {
                customers.add(snapshot.getFeatures());
            }
        }
        customers.sort(Comparator.comparing(CustomerFeatures::getCustomerId));
        if (customers.size() <= fitSample) {
            return customers;
        }
        return customers.stream()
                .sorted(Comparator.comparingLong((CustomerFeatures f) -> mix(f.getCustomerId().hashCode()))
                        .thenComparing(CustomerFeatures::getCustomerId))
                .limit(fitSample)
                .toList();
    }

    /** SplitMix64's finaliser: spreads similar ids (C1, C2, ...) over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
