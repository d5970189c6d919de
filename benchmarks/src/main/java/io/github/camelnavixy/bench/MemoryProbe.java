package io.github.camelnavixy.bench;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Retained heap of one connection subscribed to a fleet, after its first snapshot: heap after GC with the
 * CamelContext started and the route not yet (the baseline), then with the route running once every tracker's
 * state went through it. Forked by {@link SideBySide}: {@code <url> <key> <trackers>}.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        long trackers = Long.parseLong(args[2]);
        AtomicLong states = new AtomicLong();
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch?apiKey=" + args[1] + "&webSocketUrl=" + args[0])
                        .routeId("fleet").autoStartup(false)
                        .setProperty("lat", simple("${body.gps.location.lat}"))
                        .process(e -> states.incrementAndGet());
            }
        });
        camel.start();
        long baseline = heapAfterGc();
        camel.getRouteController().startRoute("fleet");
        if (!ClientMain.await(states::get, trackers, System.nanoTime() + TimeUnit.SECONDS.toNanos(120))) {
            System.out.println("FAILED snapshot: " + states.get() + " of " + trackers);
            Runtime.getRuntime().halt(1);
        }
        long after = heapAfterGc();
        System.out.println("RESULT baseline=" + baseline + " after=" + after + " states=" + states.get());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
