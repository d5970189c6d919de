package io.github.camelnavixy.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Reads /actuator/health over HTTP, as an operator or a Kubernetes probe does (the same on Spring Boot 3 and 4, whose
 * health classes live in different packages).
 */
final class ActuatorHealth {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ActuatorHealth() {
    }

    /** The health document; actuator answers 503 when DOWN, still with the JSON body. */
    static JsonNode read(int port) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET /actuator/health failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What Camel reports for the consumer of one route (its "consumers" health repository names the check
     * consumer:routeId): {"state": "UP" or "DOWN", "data": {the check's details, e.g. navixy.state}}.
     */
    static JsonNode consumer(JsonNode health, String routeId) {
        JsonNode camel = health.path("components").path("camelHealth").path("details");
        String id = "consumer:" + routeId;
        return JSON.createObjectNode()
                .put("state", camel.path(id).asText())
                .set("data", camel.path(id + ".data"));
    }
}
