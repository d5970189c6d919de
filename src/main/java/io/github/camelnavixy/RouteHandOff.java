package io.github.camelnavixy;

import io.github.camelnavixy.client.ConnectionListener;
import io.github.camelnavixy.client.NavixyConnectionException;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.protocol.ErrorResponse;
import io.github.camelnavixy.protocol.MalformedFrameException;
import io.github.camelnavixy.protocol.ServerText;
import io.github.camelnavixy.protocol.SubscriptionResponse;
import io.github.camelnavixy.protocol.TrackerStatus;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands what the connection reports to the route. The connection calls on its event loop, which must never run a
 * route, so each call only submits work to the {@link OrderedDispatcher}; the work then runs on the consumer's worker
 * thread, in arrival order: events become Exchanges (see {@link EventDeliveries}), errors go to Camel's exception
 * handler in line with the events around them.
 */
final class RouteHandOff implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RouteHandOff.class);

    private final DefaultConsumer consumer;
    private final OrderedDispatcher dispatcher;
    private final boolean splitBatch;
    private final AtomicLong exchanges = new AtomicLong();
    private volatile FeedHooks hooks = FeedHooks.NONE;

    RouteHandOff(DefaultConsumer consumer, OrderedDispatcher dispatcher, boolean splitBatch) {
        this.consumer = consumer;
        this.dispatcher = dispatcher;
        this.splitBatch = splitBatch;
    }

    /** Lets an add-on watch and decorate the feed; set before the connection starts. */
    void setHooks(FeedHooks hooks) {
        this.hooks = hooks == null ? FeedHooks.NONE : hooks;
    }

    /** Exchanges handed to the route so far. */
    long exchangeCount() {
        return exchanges.get();
    }

    @Override
    public void onEvent(NavixyEvent event) {
        hooks.onEvent(event);
        dispatcher.submit(EventDeliveries.count(event, splitBatch), () -> deliver(event));
    }

    @Override
    public void onSubscribed(SubscriptionResponse response) {
        FeedHooks current = hooks;
        current.onSubscribed(response);
        if (current.wantsSubscribedInOrder()) {
            dispatcher.submit(1, current::onSubscribedInOrder);
        }
        // Logged here, once per subscribe answer, rather than in the connection: it is about what the route will see.
        response.results().forEach((type, result) -> {
            if (!result.success()) {
                LOG.warn("Navixy subscription to {} was not accepted by the server", ServerText.safe(type));
            }
            Map<TrackerStatus, List<Long>> notNormal = new EnumMap<>(TrackerStatus.class);
            result.statuses().forEach((id, status) -> {
                if (status != TrackerStatus.NORMAL) {
                    notNormal.computeIfAbsent(status, s -> new ArrayList<>()).add(id);
                }
            });
            notNormal.forEach((status, ids) -> LOG.warn("Navixy {} subscription: trackers {} are {}", ServerText.safe(type),
                    ServerText.idList(ids), status.name().toLowerCase(Locale.ROOT)));
        });
    }

    @Override
    public void onServerError(ErrorResponse error) {
        NavixyErrorResponseException exception
                = new NavixyErrorResponseException(error.code(), error.description(), error.action());
        report(exception.getMessage(), exception);
    }

    @Override
    public void onMalformedFrame(MalformedFrameException error) {
        report("Malformed Navixy frame", error);
    }

    @Override
    public void onLoginFailed(NavixyConnectionException cause) {
        report(cause.getMessage(), cause);
    }

    @Override
    public void onGaveUp(NavixyConnectionException cause) {
        // The connection has logged the one line that says so; here it becomes a Camel error.
        report(cause.getMessage(), cause);
    }

    /** An error outside any Exchange: reported on the worker, in order with the events around it. */
    void report(String message, Throwable cause) {
        dispatcher.submit(1, () -> consumer.getExceptionHandler().handleException(message, cause));
    }

    /**
     * Queues Exchanges that do not come from the socket (gap-fill replays) behind what is already queued, counted for
     * backpressure like the live feed; {@code wanted} is asked before each one, so a stop ends them at once.
     */
    void deliverOther(List<EventDeliveries.MessageFiller> fillers, java.util.function.BooleanSupplier wanted) {
        dispatcher.submit(fillers.size(), () -> {
            for (EventDeliveries.MessageFiller filler : fillers) {
                if (!dispatcher.isOpen() || !wanted.getAsBoolean()) {
                    return;
                }
                process(filler, false);
            }
        });
    }

    /** Whether the route has room for more work now (the socket is not held back). */
    boolean hasRoom() {
        return !dispatcher.isPaused();
    }

    private void deliver(NavixyEvent event) {
        try {
            EventDeliveries.forEach(event, splitBatch, filler -> {
                if (dispatcher.isOpen()) {
                    process(filler, true);
                }
            });
        } catch (Exception e) {
            consumer.getExceptionHandler().handleException(
                    "Error delivering Navixy " + ServerText.safe(event.name()) + " event", e);
        }
    }

    private void process(EventDeliveries.MessageFiller filler, boolean live) {
        Exchange exchange = consumer.createExchange(false);
        try {
            filler.fill(exchange.getMessage());
            if (live) {
                hooks.decorate(exchange.getMessage());
            }
            exchanges.incrementAndGet();
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                consumer.getExceptionHandler().handleException("Error processing Navixy exchange", exchange,
                        exchange.getException());
            }
            consumer.releaseExchange(exchange, false);
        }
    }
}
