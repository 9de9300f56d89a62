package io.churnwatch.serving.segments;

import java.util.Map;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

/** This instance's segment counts (its own partitions only), for the instance that gathers them. */
@Hidden
@Controller("/internal/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InternalSegmentController {

    private final SegmentCounts counts;

    public InternalSegmentController(SegmentCounts counts) {
        this.counts = counts;
    }

    @Get("/counts")
    public Map<String, Long> localCounts() {
        return counts.local();
    }
}
