package io.github.camelnavixy.client;

import io.vertx.core.Future;

/** An API key: the same hash forever. Navixy refusing it means the key was revoked, so it cannot be renewed. */
public final class ApiKeyHashSource implements HashSource {

    private final String apiKey;

    public ApiKeyHashSource(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Future<String> hash() {
        return Future.succeededFuture(apiKey);
    }

    @Override
    public boolean renewable() {
        return false;
    }

    @Override
    public Future<String> renew() {
        return Future.failedFuture(new NavixyAuthenticationException("The API key was refused and cannot be renewed", 4));
    }

    @Override
    public String toString() {
        return "ApiKeyHashSource[apiKey=xxxxxx]";
    }
}
