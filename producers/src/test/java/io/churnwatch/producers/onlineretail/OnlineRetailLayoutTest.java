package io.churnwatch.producers.onlineretail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.producers.source.InvalidInputException;
import org.junit.jupiter.api.Test;

class OnlineRetailLayoutTest {

    @Test
    void recognisesOnlineRetailII() {
        OnlineRetailLayout.Columns columns = OnlineRetailLayout.detect(OnlineRetailFiles.HEADER_II.split(","));

        assertThat(columns.layout()).isEqualTo(OnlineRetailLayout.ONLINE_RETAIL_II);
        assertThat(columns.price()).isEqualTo(5);
        assertThat(columns.customerId()).isEqualTo(6);
    }

    @Test
    void recognisesTheFirstOnlineRetail() {
        OnlineRetailLayout.Columns columns = OnlineRetailLayout.detect(OnlineRetailFiles.HEADER_I.split(","));

        assertThat(columns.layout()).isEqualTo(OnlineRetailLayout.ONLINE_RETAIL);
        assertThat(columns.invoice()).isZero();
        assertThat(columns.width()).isEqualTo(8);
    }

    @Test
    void takesColumnPositionsFromTheHeader() {
        String[] reordered = "Customer ID,Country,Invoice,InvoiceDate,StockCode,Description,Price,Quantity".split(",");

        OnlineRetailLayout.Columns columns = OnlineRetailLayout.detect(reordered);

        assertThat(columns.customerId()).isZero();
        assertThat(columns.invoice()).isEqualTo(2);
        assertThat(columns.quantity()).isEqualTo(7);
    }

    @Test
    void rejectsAnUnknownHeaderNamingBothLayouts() {
        assertThatThrownBy(() -> OnlineRetailLayout.detect("customer_id,order_id,timestamp,amount".split(",")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("InvoiceNo,StockCode")
                .hasMessageContaining("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID");
    }
}
