package io.churnwatch.streams.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DistinctProductsTest {

    @Test
    void exactUpToTheLimitAndRepeatsDoNotCount() {
        DistinctProducts products = new DistinctProducts();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < DistinctProducts.EXACT_LIMIT; i++) {
                products.add("SKU-" + i);
            }
        }
        assertThat(products.isExact()).isTrue();
        assertThat(products.count()).isEqualTo(DistinctProducts.EXACT_LIMIT);
        products.add("one more");
        assertThat(products.isExact()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {33, 60, 150, 1000, 20000})
    void theSketchStaysWithinFourStandardErrors(int distinct) {
        DistinctProducts products = new DistinctProducts();
        for (int i = 0; i < distinct; i++) {
            products.add("P" + i);
            products.add("P" + (i / 2));
        }
        assertThat((double) products.count()).isCloseTo(distinct, within(4 * 0.065 * distinct));
    }

    @Test
    void theSketchErrorOverManyCustomersIsAboutTheDocumentedOne() {
        Random random = new Random(1);
        double squaredRelativeErrors = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            DistinctProducts products = new DistinctProducts();
            int distinct = 200 + random.nextInt(2000);
            for (int i = 0; i < distinct; i++) {
                products.add("T" + t + "-" + i);
            }
            double error = (products.count() - distinct) / (double) distinct;
            squaredRelativeErrors += error * error;
        }
        assertThat(Math.sqrt(squaredRelativeErrors / trials)).isLessThan(0.08);
    }

    @Test
    void theOrderOfAdditionsDoesNotChangeTheBytes() {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            skus.add("S" + i);
        }
        byte[] inOrder = bytesOf(skus.subList(0, 20));
        byte[] sketchInOrder = bytesOf(skus);
        Collections.shuffle(skus, new Random(3));
        assertThat(bytesOf(skus)).isEqualTo(sketchInOrder);
        List<String> firstTwenty = new ArrayList<>(skus.stream().filter(s -> Integer.parseInt(s.substring(1)) < 20).toList());
        assertThat(bytesOf(firstTwenty)).isEqualTo(inOrder);
    }

    private static byte[] bytesOf(List<String> skus) {
        DistinctProducts products = new DistinctProducts();
        skus.forEach(products::add);
        ByteBuffer buffer = ByteBuffer.allocate(products.maxSerializedSize());
        products.writeTo(buffer);
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        assertThat(DistinctProducts.readFrom(ByteBuffer.wrap(bytes)).count()).isEqualTo(products.count());
        return bytes;
    }
}
