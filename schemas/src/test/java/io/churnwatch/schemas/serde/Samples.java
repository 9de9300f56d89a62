package io.churnwatch.schemas.serde;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.ContenderMetrics;
import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.FeatureMove;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import io.churnwatch.schemas.Reason;
import io.churnwatch.schemas.SegmentCentroid;
import io.churnwatch.schemas.SegmentChange;
import io.churnwatch.schemas.TreatmentGroup;
import io.churnwatch.schemas.ValueModelParams;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Realistic records of every contract, in the shapes of the Online Retail II data. */
final class Samples {

    static final Instant CUTOFF = Instant.parse("2011-09-01T00:00:00Z");

    private Samples() {
    }

    static OrderEvent purchase() {
        return OrderEvent.newBuilder()
                .setOrderId("536365")
                .setCustomerId("17850")
                .setEventTime(Instant.parse("2010-12-01T08:26:00Z"))
                .setKind(OrderKind.PURCHASE)
                .setLines(List.of(
                        new OrderLine("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 255L),
                        new OrderLine("71053", "WHITE METAL LANTERN", 6, 339L),
                        new OrderLine("84406B", null, 8, 275L)))
                .setCurrency("GBP")
                .setCountry("United Kingdom")
                .build();
    }

    static OrderEvent returnWithoutCustomer() {
        return OrderEvent.newBuilder()
                .setOrderId("C536379")
                .setCustomerId(null)
                .setEventTime(Instant.parse("2010-12-01T09:41:00Z"))
                .setKind(OrderKind.RETURN)
                .setLines(List.of(new OrderLine("D", "Discount", 1, 2750L)))
                .setCountry(null)
                .build();
    }

    static CustomerFeatures features() {
        return CustomerFeatures.newBuilder()
                .setCustomerId("17850")
                .setAsOf(CUTOFF)
                .setFirstPurchaseTime(Instant.parse("2010-12-01T08:26:00Z"))
                .setLastPurchaseTime(Instant.parse("2011-02-10T14:38:00Z"))
                .setRecencyDays(202.4)
                .setTenureDays(273.6)
                .setOrders(35)
                .setReturnOrders(1)
                .setGrossRevenueMinor(537_630L)
                .setReturnedValueMinor(10_250L)
                .setReturnRateOrders(1.0 / 36.0)
                .setReturnRateValue(10_250.0 / 537_630.0)
                .setAvgOrderValueMinor(15_361L)
                .setItemsPerOrder(48.7)
                .setInterPurchaseDaysMean(2.1)
                .setInterPurchaseDaysStd(null)
                .setRevenue30dMinor(0L)
                .setRevenue90dMinor(0L)
                .setRevenue180dMinor(0L)
                .setRevenue365dMinor(537_630L)
                .setOrders30d(0)
                .setOrders90d(0)
                .setOrders180d(0)
                .setOrders365d(35)
                .setRevenuePrev90dMinor(0L)
                .setOrdersPrev90d(0)
                .setRevenueTrend90d(0.0)
                .setDistinctProducts(21)
                .setCountry("United Kingdom")
                .build();
    }

    static FeatureSnapshot snapshot() {
        return new FeatureSnapshot("17850", CUTOFF, features());
    }

    static List<Reason> reasons() {
        return List.of(
                new Reason("recencyDays", 202.4, 1.37, "No purchase for 202 days (typical gap: 2 days)"),
                new Reason("revenueTrend90d", 0.0, 0.21, "No spending in the last 90 days"),
                new Reason("country", null, -0.04, "United Kingdom customers churn slightly less"));
    }

    static CustomerScore score() {
        return CustomerScore.newBuilder()
                .setCustomerId("17850")
                .setScoredAt(CUTOFF)
                .setModelVersion(7L)
                .setChurnProbability(0.91)
                .setReasons(reasons())
                .setSegment("Lost")
                .setExpectedPurchases(0.12)
                .setExpectedValueMinor(1_843L)
                .setValueAtRiskMinor(1_677L)
                .build();
    }

    static CustomerScore scoreBeforeAnyModel() {
        return CustomerScore.newBuilder().setCustomerId("13047").setScoredAt(CUTOFF).build();
    }

    static ChurnAlert alert() {
        return ChurnAlert.newBuilder()
                .setAlertId("17850:7:2011-09-01")
                .setCustomerId("17850")
                .setProbability(0.91)
                .setPreviousProbability(0.44)
                .setThreshold(0.62)
                .setReasons(reasons())
                .setSegment("At-Risk")
                .setValueAtRiskMinor(1_677L)
                .setModelVersion(7L)
                .setEventTime(CUTOFF)
                .setTreatment(TreatmentGroup.HOLDOUT)
                .build();
    }

    static SegmentChange segmentChange() {
        return SegmentChange.newBuilder()
                .setCustomerId("17850")
                .setFromSegment("Loyal")
                .setToSegment("At-Risk")
                .setChangedAt(CUTOFF)
                .setModelVersion(7L)
                .setMovedFeatures(List.of(new FeatureMove("recencyDays", 12.0, 202.4), new FeatureMove("orders90d", 9.0, null)))
                .build();
    }

    static ModelRelease release() {
        return ModelRelease.newBuilder()
                .setVersion(7L)
                .setCreatedAt(Instant.parse("2011-12-10T03:00:00Z"))
                .setTrainingWindowStart(Instant.parse("2010-03-01T00:00:00Z"))
                .setTrainingWindowEnd(Instant.parse("2011-06-01T00:00:00Z"))
                .setTestCutoff(CUTOFF)
                .setHorizonDays(90)
                .setFeatureNames(List.of("recencyDays", "tenureDays", "orders", "revenue90dMinor", "revenueTrend90d"))
                .setChurnModel(ByteBuffer.wrap("{L\u0000\u0000\u0000\u0005learner".getBytes(StandardCharsets.ISO_8859_1)))
                .setMetrics(List.of(
                        new ContenderMetrics("xgboost", 0.803, 0.842, 1.61, 0.181),
                        new ContenderMetrics("bgnbd-no-purchase", 0.799, 0.838, 1.58, null),
                        new ContenderMetrics("recency-rule", 0.762, 0.801, 1.49, null)))
                .setThreshold(0.62)
                .setThresholdRule("Top decile of holdout churn probability")
                .setPromoted(true)
                .setPromotionNote(null)
                .setSegmentFeatureNames(List.of("logRecency", "logFrequency", "logMonetary", "returnRate"))
                .setSegmentScaleMean(List.of(3.9, 1.2, 6.8, 0.03))
                .setSegmentScaleStd(List.of(1.1, 0.9, 1.4, 0.07))
                .setSegments(List.of(
                        new SegmentCentroid("Champions", List.of(-1.2, 1.6, 1.5, -0.1), 812L),
                        new SegmentCentroid("Lost", List.of(1.4, -0.9, -0.8, 0.0), 1_904L)))
                .setValueModel(new ValueModelParams(0.83, 68.9, 0.03, 0.48, 6.25, 3.74, 15.44, 90))
                .build();
    }
}
