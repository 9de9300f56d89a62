package io.churnwatch.serving.segments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.churnwatch.serving.models.CurrentModel;
import io.churnwatch.serving.query.ScatterGather;
import io.churnwatch.serving.query.StoreNames;
import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.serving.streams.StreamsNode;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentCentroid;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The segments of the current release, with how many live customers each has across all instances. */
@Controller("/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "segments")
public class SegmentController {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final CurrentModel model;
    private final SegmentCounts counts;
    private final ScatterGather scatter;
    private final StreamsNode node;
    private final ObjectMapper json;

    public SegmentController(CurrentModel model, SegmentCounts counts, ScatterGather scatter, StreamsNode node,
                             ObjectMapper json) {
        this.model = model;
        this.counts = counts;
        this.scatter = scatter;
        this.node = node;
        this.json = json;
    }

    @Get
    @Operation(summary = "Segment profiles of the current release and live customer counts across all instances")
    public SegmentsAnswer segments() {
        Optional<ModelRelease> release = model.get();
        Map<String, Long> live = node.stores().contains(StoreNames.CUSTOMER_SCORES)
                ? SegmentCounts.sum(scatter.gather(StoreNames.CUSTOMER_SCORES, counts::local,
                        "/internal/segments/counts", this::parse))
                : Map.of();
        long total = live.values().stream().mapToLong(Long::longValue).sum();
        List<SegmentEntry> segments = new ArrayList<>();
        Map<String, Long> unlisted = new LinkedHashMap<>(live);
        unlisted.remove(SegmentCounts.UNASSIGNED);
        if (release.isPresent()) {
            for (SegmentCentroid centroid : release.get().getSegments()) {
                long customers = live.getOrDefault(centroid.getName(), 0L);
                unlisted.remove(centroid.getName());
                segments.add(new SegmentEntry(centroid.getName(), customers, share(customers, total),
                        SegmentProfile.of(release.get(), centroid)));
            }
        }
        // Customers still scored with an older release's segment names, until they are scored again.
        unlisted.forEach((name, customers) -> segments.add(new SegmentEntry(name, customers, share(customers, total), null)));
        String note = release.isEmpty() ? "no model release yet: segments appear with the first release" : null;
        return new SegmentsAnswer(release.map(ModelRelease::getVersion).orElse(null), segments,
                live.getOrDefault(SegmentCounts.UNASSIGNED, 0L), total, note);
    }

    private Map<String, Long> parse(String body) {
        try {
            return json.readValue(body, COUNTS);
        } catch (JsonProcessingException e) {
            throw new NodeUnavailableException("another instance answered unreadable counts: " + e.getOriginalMessage(), e);
        }
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : part / (double) total;
    }

    @Schema(name = "Segment")
    public record SegmentEntry(String name, long customers, double share, SegmentProfile profile) {
    }

    @Schema(name = "Segments")
    public record SegmentsAnswer(Long modelVersion, List<SegmentEntry> segments,
                                 @Schema(description = "Scored customers without a segment.") long unassigned,
                                 @Schema(description = "Scored customers across all instances.") long scoredCustomers,
                                 String note) {
    }
}
