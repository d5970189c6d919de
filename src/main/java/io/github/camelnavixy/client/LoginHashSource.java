package io.github.camelnavixy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.Set;

/**
 * A session hash from {@code POST {baseUrl}/user/auth}. The hash is kept across reconnects: Navixy limits logins
 * (error 104), so a new login happens only when the server refuses the session.
 */
public final class LoginHashSource implements HashSource {

    /** user/auth codes that no retry can fix: dealer blocked, wrong login or password, user not activated. */
    private static final Set<Integer> REFUSALS = Set.of(11, 102, 103, 275);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String authUrl;
    private final String login;
    private final String password;
    private String hash;

    public LoginHashSource(Vertx vertx, HttpClientOptions options, String baseUrl, String login, String password) {
        this.http = vertx.createHttpClient(options);
        this.authUrl = stripSlash(baseUrl) + "/user/auth";
        this.login = login;
        this.password = password;
    }

    @Override
    public Future<String> hash() {
        return hash != null ? Future.succeededFuture(hash) : renew();
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public Future<String> renew() {
        hash = null;
        ObjectNode body = MAPPER.createObjectNode().put("login", login).put("password", password);
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(authUrl)
                .putHeader("Content-Type", "application/json");
        return http.request(request)
                .compose(req -> req.send(body.toString()))
                .compose(response -> response.body().map(reply -> readHash(response.statusCode(), reply)))
                .onSuccess(newHash -> hash = newHash);
    }

    private String readHash(int httpStatus, Buffer reply) {
        JsonNode json;
        try {
            json = MAPPER.readTree(reply.getBytes());
        } catch (Exception e) {
            throw new NavixyConnectionException("user/auth answered HTTP " + httpStatus + " with a body that is not JSON");
        }
        if (json.path("success").asBoolean(false) && json.hasNonNull("hash")) {
            if ("second_factor_required".equals(json.path("type").asText())) {
                throw new NavixyAuthenticationException(
                        "user/auth for login '" + login + "' needs a second factor, which this component cannot give: use an apiKey", 0);
            }
            return json.get("hash").asText();
        }
        int code = json.path("status").path("code").asInt(0);
        String description = json.path("status").path("description").asText("no description");
        String message = "user/auth refused login '" + login + "': code " + code + " (" + description + ")";
        if (REFUSALS.contains(code)) {
            throw new NavixyAuthenticationException(message, code);
        }
        throw new NavixyConnectionException(message);
    }

    @Override
    public void close() {
        http.close();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "LoginHashSource[login=" + login + ", password=xxxxxx]";
    }
}
