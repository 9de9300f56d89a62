package io.churnwatch.serving.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AtRiskRankingTest {

    @Test
    void mergingLocalRankingsGivesTheGlobalTopNWithTiesByCustomerId() {
        List<AtRiskEntry> a = List.of(entry("a1", 900), entry("a2", 500), entry("a3", 100));
        List<AtRiskEntry> b = List.of(entry("b2", 500), entry("b1", 700));
        assertThat(AtRiskRanking.merge(List.of(a, b), 4)).extracting(AtRiskEntry::customerId)
                .containsExactly("a1", "b1", "a2", "b2");
        assertThat(AtRiskRanking.merge(List.of(a, List.of()), 10)).hasSize(3);
    }

    @Test
    void theFilterKeepsASegmentCaseInsensitivelyAndAMinimumValue() {
        AtRiskFilter filter = new AtRiskFilter(10, "lost", 5000);
        assertThat(filter.accepts(entry("x", 100, "Lost", 5000))).isTrue();
        assertThat(filter.accepts(entry("x", 100, "Lost", 4999))).isFalse();
        assertThat(filter.accepts(entry("x", 100, "Champions", 9000))).isFalse();
        assertThat(filter.toQuery()).isEqualTo("limit=10&minValue=5000&segment=lost");
        assertThat(new AtRiskFilter(3, "At Risk", 0).toQuery()).isEqualTo("limit=3&minValue=0&segment=At+Risk");
    }

    private static AtRiskEntry entry(String id, long valueAtRisk) {
        return entry(id, valueAtRisk, "Lost", 10_000);
    }

    private static AtRiskEntry entry(String id, long valueAtRisk, String segment, long expectedValue) {
        return new AtRiskEntry(id, 0.5, segment, expectedValue, valueAtRisk, 1L, "2011-09-01T00:00:00Z");
    }
}
