package io.churnwatch.trainer.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Customers drawn from four well-separated archetypes, each labelled with the name the rule should give it. */
final class SyntheticCustomers {

    record Labelled(SegmentFeatures features, String archetype) {
    }

    private record Archetype(String name, double[] recency, double[] frequency, double[] monetary, int count) {
    }

    private static final List<Archetype> ARCHETYPES = List.of(
            new Archetype(SegmentNamer.CHAMPIONS, new double[] {2, 15}, new double[] {15, 40},
                    new double[] {2_000, 8_000}, 300),
            new Archetype(SegmentNamer.LOYAL, new double[] {5, 30}, new double[] {1, 3},
                    new double[] {50, 200}, 500),
            new Archetype(SegmentNamer.AT_RISK, new double[] {150, 300}, new double[] {8, 20},
                    new double[] {800, 3_000}, 400),
            new Archetype(SegmentNamer.LOST, new double[] {400, 700}, new double[] {1, 2},
                    new double[] {20, 80}, 800));

    private SyntheticCustomers() {
    }

    static List<Labelled> draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Labelled> customers = new ArrayList<>();
        for (Archetype archetype : ARCHETYPES) {
            for (int i = 0; i < archetype.count(); i++) {
                SegmentFeatures features = new SegmentFeatures(
                        logUniform(random, archetype.recency()),
                        Math.round(logUniform(random, archetype.frequency())),
                        logUniform(random, archetype.monetary()),
                        random.nextDouble() * 0.1);
                customers.add(new Labelled(features, archetype.name()));
            }
        }
        return customers;
    }

    /** A bootstrap resample of the same size, in a random order. */
    static List<Labelled> bootstrap(List<Labelled> customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Labelled> resample = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            resample.add(customers.get(random.nextInt(customers.size())));
        }
        return resample;
    }

    static List<SegmentFeatures> features(List<Labelled> customers) {
        return customers.stream().map(Labelled::features).toList();
    }

    private static double logUniform(SplittableRandom random, double[] range) {
        return Math.exp(Math.log(range[0]) + random.nextDouble() * (Math.log(range[1]) - Math.log(range[0])));
    }
}
