package io.churnwatch.serving.customers;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.churnwatch.serving.query.KeyRouter;
import io.churnwatch.serving.query.ScatterGather;
import io.churnwatch.serving.query.StoreNames;
import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.serving.streams.StreamsNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Customers by id (answered by whichever instance hosts them) and the at-risk ranking across all instances.
 * A customer is answered on the event loop that read the request: a local store read is shorter than the hop to
 * the blocking pool, and a forward does not block. The ranking waits for other instances, so it runs on the
 * blocking pool.
 */
@Controller("/customers")
@Tag(name = "customers")
public class CustomerController {

    private static final TypeReference<List<AtRiskEntry>> ENTRIES = new TypeReference<>() {
    };

    private final KeyRouter router;
    private final CustomerLookup lookup;
    private final AtRiskRanking ranking;
    private final ScatterGather scatter;
    private final StreamsNode node;
    private final ObjectMapper json;

    public CustomerController(KeyRouter router, CustomerLookup lookup, AtRiskRanking ranking, ScatterGather scatter,
                              StreamsNode node, ObjectMapper json) {
        this.router = router;
        this.lookup = lookup;
        this.ranking = ranking;
        this.scatter = scatter;
        this.node = node;
        this.json = json;
    }

    @Get("/{id}")
    @Operation(summary = "A customer's live features, churn probability with reasons, segment and value",
            description = "Any instance answers: the request is forwarded to the instance that hosts the customer.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @ApiResponse(responseCode = "404", description = "Unknown customer")
    @ApiResponse(responseCode = "503", description = "Not running or rebalancing; retry after Retry-After seconds")
    public CompletableFuture<MutableHttpResponse<?>> customer(@PathVariable String id, HttpRequest<?> request) {
        return router.route(StoreNames.CUSTOMER_STATE, id, request,
                partition -> HttpResponse.ok(lookup.lookup(id, partition)));
    }

    @Get("/at-risk")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Customers with the most value at risk (churn probability × expected value), across all instances")
    @ApiResponse(responseCode = "400", description = "A parameter is out of range or not a number")
    @ApiResponse(responseCode = "503", description = "Some instance cannot answer right now")
    public AtRiskAnswer atRisk(
            @QueryValue(defaultValue = "20") @Min(1) @Max(AtRiskFilter.MAX_LIMIT) int limit,
            @Nullable @QueryValue @Size(min = 1, max = 200) String segment,
            @QueryValue(defaultValue = "0") @PositiveOrZero long minValue) {
        AtRiskFilter filter = new AtRiskFilter(limit, segment, minValue);
        if (!node.stores().contains(StoreNames.CUSTOMER_SCORES)) {
            return new AtRiskAnswer(List.of(), limit, segment, minValue, 0,
                    "this deployment runs no scorer: there is no value at risk to rank");
        }
        List<List<AtRiskEntry>> parts = scatter.gather(StoreNames.CUSTOMER_SCORES, () -> ranking.local(filter),
                "/internal/customers/at-risk?" + filter.toQuery(), this::parse);
        List<AtRiskEntry> merged = AtRiskRanking.merge(parts, limit);
        return new AtRiskAnswer(merged, limit, segment, minValue, parts.size(),
                merged.isEmpty() ? "no scored customer matches (yet)" : null);
    }

    private List<AtRiskEntry> parse(String body) {
        try {
            return json.readValue(body, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new NodeUnavailableException("another instance answered an unreadable ranking: " + e.getOriginalMessage(), e);
        }
    }

    /** The ranking and what it was asked for. */
    @Schema(name = "AtRiskAnswer")
    public record AtRiskAnswer(List<AtRiskEntry> customers, int limit, String segment, long minValue,
                               @Schema(description = "Instances whose customers were ranked.") int instances,
                               String note) {
    }
}
