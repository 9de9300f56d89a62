package io.churnwatch.trainer.trainingset;

import io.churnwatch.schemas.CustomerFeatures;
import java.time.Instant;

/**
 * One training example: a customer's features at a cutoff (events at or before it only) and whether the customer
 * churned, i.e. placed no purchase order in {@code (cutoff, cutoff + H]}.
 */
public record LabelledRow(String customerId, Instant cutoff, CustomerFeatures features, boolean churned) {
}
