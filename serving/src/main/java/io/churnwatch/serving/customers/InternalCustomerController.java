package io.churnwatch.serving.customers;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/** What one instance contributes to the at-risk ranking: its own partitions only. Called by other instances. */
@Hidden
@Controller("/internal/customers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InternalCustomerController {

    private final AtRiskRanking ranking;

    public InternalCustomerController(AtRiskRanking ranking) {
        this.ranking = ranking;
    }

    @Get("/at-risk")
    public List<AtRiskEntry> localAtRisk(
            @QueryValue(defaultValue = "20") @Min(1) @Max(AtRiskFilter.MAX_LIMIT) int limit,
            @Nullable @QueryValue String segment,
            @QueryValue(defaultValue = "0") @PositiveOrZero long minValue) {
        return ranking.local(new AtRiskFilter(limit, segment, minValue));
    }
}
