package io.churnwatch.serving.scoring;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.scoring.score.ScoredCustomer;
import io.churnwatch.serving.avro.AvroMaps;
import io.churnwatch.serving.errors.ApiException;
import io.churnwatch.serving.streams.NodeUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Scores a feature vector that is not (or not yet) a customer of the stream: what-if questions, other systems. */
@Controller("/score")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "scoring")
public class ScoreController {

    private final AdhocScorer scorer;
    private final ObjectMapper json;

    public ScoreController(AdhocScorer scorer, ObjectMapper json) {
        this.scorer = scorer;
        this.json = json;
    }

    @Post
    @Operation(summary = "Churn probability with reasons, segment and value of a feature vector",
            description = "The body holds CustomerFeatures fields, as GET /customers/{id} shows them under "
                    + "\"features\"; customerId and asOf may be left out.")
    @RequestBody(description = "CustomerFeatures fields as JSON")
    @ApiResponse(responseCode = "400", description = "The body is not a JSON object")
    @ApiResponse(responseCode = "422", description = "Fields are missing, of the wrong type or out of range (all listed)")
    @ApiResponse(responseCode = "503", description = "No model has been released yet")
    public Map<String, Object> score(@Nullable @Body String body) {
        JsonNode tree = parse(body);
        FeatureVectorReader.Result read = FeatureVectorReader.read(tree, Instant.now());
        if (!read.valid()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY,
                    read.problems().size() + " invalid field(s) in the feature vector", Map.of("problems", read.problems()));
        }
        Optional<ScoredCustomer> scored = scorer.score(read.features());
        if (scored.isEmpty()) {
            throw new NodeUnavailableException("no model yet: scoring starts with the first model release");
        }
        CustomerScore score = scored.get().score();
        Map<String, Object> answer = new LinkedHashMap<>(AvroMaps.toMap(score));
        Double threshold = scored.get().threshold();
        answer.put("threshold", threshold);
        answer.put("alert", threshold != null && score.getChurnProbability() != null
                && score.getChurnProbability() >= threshold);
        return answer;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the request has no body: send the features as a JSON object");
        }
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "the body must be a JSON object of CustomerFeatures fields");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body could not be read: " + e.getMessage());
        }
    }
}
