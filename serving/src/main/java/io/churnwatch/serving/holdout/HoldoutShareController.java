package io.churnwatch.serving.holdout;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.churnwatch.scoring.settings.OperatorSettings;
import io.churnwatch.scoring.treatment.HoldoutShare;
import io.churnwatch.serving.errors.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The share of alerted customers put in the control group, changed without a restart. The new share is written
 * to the settings topic, and every instance's scorer applies it to the alerts it sends from then on; alerts
 * already sent keep their group.
 */
@Controller("/admin/holdout-share")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@SecurityRequirement(name = "adminToken")
public class HoldoutShareController {

    private final OperatorSettingsPublisher publisher;
    private final HoldoutShareInForce inForce;
    private final ObjectMapper json;

    public HoldoutShareController(OperatorSettingsPublisher publisher, HoldoutShareInForce inForce,
                                  ObjectMapper json) {
        this.publisher = publisher;
        this.inForce = inForce;
        this.json = json;
    }

    @Get
    @Operation(summary = "The holdout share the scorer applies to the next alert",
            description = "source is \"operator\" (set through PUT) or \"configured\" (CHURNWATCH_HOLDOUT_SHARE).")
    @ApiResponse(responseCode = "200", description = "{\"share\", \"source\", \"configured\"}")
    @ApiResponse(responseCode = "401", description = "Missing or wrong bearer token")
    public HoldoutShareInForce.View get() {
        return inForce.get();
    }

    @Put
    @Operation(summary = "Set the holdout share for alerts sent from now on, on every instance",
            description = "Alerts already sent keep their group. Raising the share only moves customers from "
                    + "TREATMENT to HOLDOUT, since each customer's position in [0, 1) is fixed by the salt.")
    @RequestBody(description = "{\"share\": 0.25}, a number in [0, 1]")
    @ApiResponse(responseCode = "202", description = "Written; the scorers apply it within moments")
    @ApiResponse(responseCode = "400", description = "No body, not JSON, or share missing, not a number, outside [0, 1]")
    @ApiResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @ApiResponse(responseCode = "403", description = "Admin endpoints are disabled (no CHURNWATCH_ADMIN_TOKEN)")
    @ApiResponse(responseCode = "503", description = "The brokers could not be reached")
    public HttpResponse<Map<String, Object>> put(@Nullable @Body String body) {
        double share = shareOf(body);
        double previous = inForce.get().share();
        publisher.publish(OperatorSettings.HOLDOUT_SHARE, HoldoutShare.format(share));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("share", share);
        answer.put("previous", previous);
        answer.put("note", "applies to alerts sent from now on, on every instance; alerts already sent keep their group");
        return HttpResponse.accepted().body(answer);
    }

    private double shareOf(String body) {
        if (body == null || body.isBlank()) {
            throw badRequest("the request has no body: send {\"share\": <number in [0, 1]>}");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw badRequest("the body is not JSON: send {\"share\": <number in [0, 1]>}");
        }
        JsonNode share = tree == null || !tree.isObject() ? null : tree.get("share");
        if (share == null || share.isNull()) {
            throw badRequest("'share' is missing: send {\"share\": <number in [0, 1]>}");
        }
        if (!share.isNumber()) {
            throw badRequest("'share' must be a number in [0, 1], got " + share);
        }
        double value = share.doubleValue();
        if (!HoldoutShare.valid(value)) {
            throw badRequest("'share' must lie in [0, 1], got " + share);
        }
        return value;
    }

    private static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }
}
