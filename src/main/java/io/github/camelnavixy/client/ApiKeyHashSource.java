package io.github.camelnavixy.client;

import io.vertx.core.Future;

/** An API key: the same hash forever. Navixy refusing it means the key was revoked, so it cannot be replaced. */
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
    public void forget(String hash) {
        // nothing to forget: the key is all there is
    }

    @Override
    public String toString() {
        return "ApiKeyHashSource[apiKey=xxxxxx]";
    }
}
