package io.churnwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.OrderEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    @AfterEach
    void forget() {
        InMemorySchemaRegistry.reset("a");
        InMemorySchemaRegistry.reset("b");
    }

    @Test
    void aScopeIsSharedByEveryoneWhoNamesIt() {
        SchemaRegistryClient writer = SchemaRegistryClient.forUrl("mock://a");
        SchemaRegistryClient reader = SchemaRegistryClient.forUrl("mock://a");
        SchemaRegistryClient elsewhere = SchemaRegistryClient.forUrl("mock://b");

        int id = writer.register("orders-value", OrderEvent.getClassSchema());

        assertThat(reader.getById(id)).isEqualTo(OrderEvent.getClassSchema());
        assertThatThrownBy(() -> elsewhere.getById(id))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void idsAreGlobalInAScopeAndStableForTheSameSchema() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope("a");

        int orders = registry.register("orders-value", OrderEvent.getClassSchema());
        int scores = registry.register("customer-scores-value", CustomerScore.getClassSchema());
        int ordersAgain = registry.register("orders-value", OrderEvent.getClassSchema());
        int ordersElsewhere = registry.register("orders-archive-value", OrderEvent.getClassSchema());

        assertThat(scores).isNotEqualTo(orders);
        assertThat(ordersAgain).isEqualTo(orders);
        assertThat(ordersElsewhere).isEqualTo(orders);
        assertThat(registry.versions("orders-value")).containsExactly(orders);
        assertThat(registry.subjects()).containsExactlyInAnyOrder(
                "orders-value", "customer-scores-value", "orders-archive-value");
    }

    @Test
    void lookupDistinguishesAnUnknownSubjectFromAnUnknownSchema() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope("a");
        registry.register("orders-value", OrderEvent.getClassSchema());

        assertThatThrownBy(() -> registry.lookup("nobody-value", OrderEvent.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
        assertThatThrownBy(() -> registry.lookup("orders-value", CustomerScore.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        // Registered under another subject is not registered under this one.
        registry.register("customer-scores-value", CustomerScore.getClassSchema());
        assertThatThrownBy(() -> registry.lookup("orders-value", CustomerScore.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void resetStartsTheScopeAfresh() {
        InMemorySchemaRegistry.scope("a").register("orders-value", OrderEvent.getClassSchema());
        InMemorySchemaRegistry.scope("a").register("customer-scores-value", CustomerScore.getClassSchema());

        InMemorySchemaRegistry.reset("a");

        assertThat(InMemorySchemaRegistry.scope("a").subjects()).isEmpty();
        assertThat(InMemorySchemaRegistry.scope("a").register("customer-scores-value", CustomerScore.getClassSchema()))
                .isEqualTo(1);
    }
}
