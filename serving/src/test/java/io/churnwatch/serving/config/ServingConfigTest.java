package io.churnwatch.serving.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServingConfigTest {

    @Test
    void defaultsAreDocumentedAndAdminIsOffWithoutAToken() {
        ServingConfig config = ServingConfig.from(Map.of());
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.adminEnabled()).isFalse();
        assertThat(config.embeddedRegistry()).isFalse();
        assertThat(config.forwardTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.retryAfterSeconds()).isEqualTo(2);
        assertThat(ServingSetting.ADMIN_TOKEN.property()).isEqualTo("churnwatch.admin-token");
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> ServingConfig.from(Map.of("CHURNWATCH_FORWARD_TIMEOUT", "soon")))
                .hasMessageContaining("CHURNWATCH_FORWARD_TIMEOUT");
        assertThatThrownBy(() -> ServingConfig.from(Map.of("CHURNWATCH_HTTP_PORT", "70000")))
                .hasMessageContaining("CHURNWATCH_HTTP_PORT");
        assertThat(ServingConfig.from(Map.of("CHURNWATCH_RETRY_AFTER", "1500ms")).retryAfterSeconds()).isEqualTo(2);
    }
}
