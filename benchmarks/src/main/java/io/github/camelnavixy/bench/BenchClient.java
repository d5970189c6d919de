package io.github.camelnavixy.bench;

/** One of the clients compared: connects to the load server and records every state its route sees. */
interface BenchClient extends AutoCloseable {

    void start(String webSocketUrl, String apiKey, StateRecorder recorder) throws Exception;

    /** The client by its name on the command line. */
    static BenchClient named(String name) {
        return switch (name) {
            case "limit" -> new LimitClient();
            case "hand-rolled" -> new HandRolledClient();
            case "navixy-split" -> new NavixyClient(true);
            case "navixy-list" -> new NavixyClient(false);
            default -> throw new IllegalArgumentException("unknown client " + name);
        };
    }
}
