package io.churnwatch.trainer.churn;

import io.churnwatch.schemas.CustomerFeatures;
import java.time.Instant;

/**
 * Everything a churn feature may be computed from: the customer's features as of {@code asOf} and the BG/NBD
 * outputs for that customer at {@code asOf} (NaN when no BG/NBD model is available).
 */
public record FeatureContext(CustomerFeatures features, Instant asOf, double bgNbdNoPurchase,
                             double bgNbdExpectedPurchases, double bgNbdAlive) {
}
