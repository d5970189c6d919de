/**
 * A self-contained Navixy real-time API simulator: the WebSocket endpoint {@code /v2/event/subscription} with
 * Atmosphere framing (handshake, padding, heartbeats), the Navixy subscribe/unsubscribe protocol in the shapes real
 * traffic shows ({@link io.github.camelnavixy.simulator.Shape#OBSERVED}) or the documentation describes
 * ({@link io.github.camelnavixy.simulator.Shape#DOCUMENTED}), a moving simulated fleet, the REST calls a client
 * needs ({@code user/auth}, {@code user/logout}, {@code tracker/list}), and runtime fault injection.
 *
 * <p>It is product, not a test stub: the project's tests, its demo and users' own route tests run against it. It
 * depends only on Vert.x core's public API, Jackson and SLF4J (no Camel, nothing else from this project), so it can be lifted
 * out on its own. Entry point: {@link io.github.camelnavixy.simulator.NavixySimulator}.
 *
 * <p>Layout, one job per class: {@code SocketRelay}/{@code RelayedConnection} (the public port: a TCP relay in front
 * of the HTTP server, where abrupt close and silence happen), {@code AtmosphereSession} (framing of one socket),
 * {@code FrontDoor} (HTTP routing, refusal fault), {@code NavixyProtocol} (actions), {@code RequestParser}/{@code RateLimit} (validation),
 * {@code Subscription}/{@code SubscriptionRegistry} (who gets what, when), {@code EventPump} (ticks and lifecycle
 * to events), {@code EventShapes} (observed vs documented JSON), {@code TrackerPayloads} (per-tracker JSON),
 * {@code Fleet}/{@code TrackerSimulation}/{@code IotHistory} (the simulated vehicles), {@code Credentials} and
 * {@code AuthHandler} (hashes and REST), {@code Faults} and {@code SimulatorStats} (fault switches, observability).
 */
package io.github.camelnavixy.simulator;
