package io.churnwatch.producers.onlineretail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonProductCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DOT", "M", "m", "D", "S", "B", "C2", "C3", "BANK CHARGES", "AMAZONFEE", "CRUK",
        "PADS", "ADJUST", "ADJUST2", "TEST001", "TEST002", "GIFT", "gift_0001_20", " POST "})
    void skipsMoneyMovementsAndBookkeeping(String code) {
        assertThat(NonProductCodes.isNonProduct(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"85048", "79323P", "DCGS0058", "DCGSSGIRL", "SP1002", "15056BL", "84879"})
    void keepsProducts(String code) {
        assertThat(NonProductCodes.isNonProduct(code)).isFalse();
    }
}
