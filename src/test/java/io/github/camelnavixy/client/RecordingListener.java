package io.github.camelnavixy.client;

import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.protocol.ErrorResponse;
import io.github.camelnavixy.protocol.MalformedFrameException;
import io.github.camelnavixy.protocol.SubscriptionResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Keeps everything a {@link NavixyConnection} reports, for assertions; optional hooks run on the event loop. */
final class RecordingListener implements ConnectionListener {

    /** A state change and when it happened (System.nanoTime()). */
    record Transition(ConnectionState state, String detail, long nanos) {
    }

    final List<Transition> transitions = new CopyOnWriteArrayList<>();
    final List<NavixyEvent> events = new CopyOnWriteArrayList<>();
    final List<SubscriptionResponse> subscribed = new CopyOnWriteArrayList<>();
    final List<ErrorResponse> serverErrors = new CopyOnWriteArrayList<>();
    final List<MalformedFrameException> malformed = new CopyOnWriteArrayList<>();
    final List<NavixyConnectionException> loginFailures = new CopyOnWriteArrayList<>();
    final List<NavixyConnectionException> gaveUp = new CopyOnWriteArrayList<>();
    volatile Consumer<ConnectionState> onState = s -> { };

    @Override
    public void onEvent(NavixyEvent event) {
        events.add(event);
    }

    @Override
    public void onSubscribed(SubscriptionResponse response) {
        subscribed.add(response);
    }

    @Override
    public void onServerError(ErrorResponse error) {
        serverErrors.add(error);
    }

    @Override
    public void onMalformedFrame(MalformedFrameException error) {
        malformed.add(error);
    }

    @Override
    public void onLoginFailed(NavixyConnectionException cause) {
        loginFailures.add(cause);
    }

    @Override
    public void onStateChanged(ConnectionState state, String detail) {
        transitions.add(new Transition(state, detail, System.nanoTime()));
        onState.accept(state);
    }

    @Override
    public void onGaveUp(NavixyConnectionException cause) {
        gaveUp.add(cause);
    }

    List<ConnectionState> states() {
        return transitions.stream().map(Transition::state).toList();
    }

    /** When each transition into {@code state} happened, in millis since the first transition. */
    List<Long> millisOf(ConnectionState state) {
        long start = transitions.isEmpty() ? 0 : transitions.get(0).nanos();
        return transitions.stream().filter(t -> t.state() == state).map(t -> (t.nanos() - start) / 1_000_000).toList();
    }
}
