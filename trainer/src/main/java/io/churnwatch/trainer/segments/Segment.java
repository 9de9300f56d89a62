package io.churnwatch.trainer.segments;

import java.util.Arrays;
import java.util.List;

/**
 * One segment as a release stores it ({@code SegmentCentroid}): its name, its centroid in standardised space
 * and how many training customers it holds.
 */
public record Segment(String name, double[] centroid, long size) {

    public Segment {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a segment needs a name");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        centroid = centroid.clone();
    }

    @Override
    public double[] centroid() {
        return centroid.clone();
    }

    /** The centroid boxed, as Avro's generated {@code SegmentCentroid} takes it. */
    public List<Double> centroidAsList() {
        return Arrays.stream(centroid).boxed().toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Segment that && name.equals(that.name) && size == that.size
                && Arrays.equals(centroid, that.centroid);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(centroid)) + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return "Segment[name=" + name + ", centroid=" + Arrays.toString(centroid) + ", size=" + size + "]";
    }
}
