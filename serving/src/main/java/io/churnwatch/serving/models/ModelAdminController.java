package io.churnwatch.serving.models;

import java.time.Instant;

import io.churnwatch.serving.holdout.OperatorSettingsPublisher;
import io.churnwatch.trainer.kafka.RetrainRequests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Operations on model releases; every /admin endpoint needs the admin bearer token. */
@Controller("/admin/models")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@SecurityRequirement(name = "adminToken")
public class ModelAdminController {

    private final ReleasePromotion promotion;
    private final OperatorSettingsPublisher settings;

    public ModelAdminController(ReleasePromotion promotion, OperatorSettingsPublisher settings) {
        this.promotion = promotion;
        this.settings = settings;
    }

    /** What a retrain request answers. */
    public record RetrainRequested(String requestedAt, String reason, String pickedUpBy) {
    }

    @Post("/retrain")
    @Operation(summary = "Ask the trainer to train now instead of at its next scheduled run",
            description = "Writes 'retrain-requested' to the churnwatch-settings topic; a trainer running with "
                    + "train --every picks it up within a second or two, trains, and promotes through its usual gate. "
                    + "A trainer started with --once does not listen.")
    @ApiResponse(responseCode = "202", description = "Requested")
    @ApiResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @ApiResponse(responseCode = "403", description = "Admin endpoints are disabled (no CHURNWATCH_ADMIN_TOKEN)")
    @ApiResponse(responseCode = "503", description = "The settings topic cannot be written to")
    public HttpResponse<RetrainRequested> retrain(@Nullable @QueryValue @Size(max = 500) String reason) {
        String requestedAt = Instant.now().toString();
        String note = reason == null || reason.isBlank() ? "requested over the API" : reason;
        // The record's timestamp is the request time; the value is what the trainer logs as the reason.
        settings.publish(RetrainRequests.KEY, note);
        return HttpResponse.accepted().body(new RetrainRequested(requestedAt, note,
                "a trainer running with train --every"));
    }

    @Post("/{version}/promote")
    @Operation(summary = "Make a release on the models topic the current one (roll back, or override the gate)",
            description = "Every instance's scorer swaps to it without a restart.")
    @ApiResponse(responseCode = "202", description = "Published as current; scorers pick it up within moments")
    @ApiResponse(responseCode = "200", description = "It already is the current release")
    @ApiResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @ApiResponse(responseCode = "403", description = "Admin endpoints are disabled (no CHURNWATCH_ADMIN_TOKEN)")
    @ApiResponse(responseCode = "404", description = "No such release version on the topic")
    public HttpResponse<ReleasePromotion.Outcome> promote(@PathVariable @Positive long version,
                                                          @Nullable @QueryValue @Size(max = 500) String reason) {
        ReleasePromotion.Outcome outcome = promotion.promote(version, reason);
        return outcome.alreadyCurrent() ? HttpResponse.ok(outcome) : HttpResponse.accepted().body(outcome);
    }
}
