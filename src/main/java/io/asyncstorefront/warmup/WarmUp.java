package io.asyncstorefront.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Rehearses the mutations before the instance reports ready, until the JIT has compiled their paths: a fresh JVM
 * serves a fraction of its steady rate while C2 compiles under load (README, "Warm-up"), and an instance that is not
 * ready receives no traffic. Only an instance that accepts mutations rehearses; it ends when the compilers have been
 * nearly idle for a while, at the longest duration, at the first failed round, or when the instance stops.
 */
@ApplicationScoped
public class WarmUp {

    enum Stage {
        /** Not asked for, or nothing to rehearse: ready as far as the warm-up goes. */
        OFF,
        /** Waiting for the HTTP server, or rehearsing: not ready. */
        RUNNING,
        FINISHED
    }

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final long SAMPLE_MILLIS = 1000;

    private final WarmUpConfig config;
    private final Vertx vertx;
    private final String path;
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final AtomicLong rounds = new AtomicLong();
    private final long createdAt = System.nanoTime();
    private volatile Stage stage;
    private volatile boolean stopping;
    private volatile String ending = "";
    private volatile HttpClient client;

    public WarmUp(WarmUpConfig config, OperationsConfig operations, Vertx vertx,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String graphqlPath) {
        this.config = config;
        this.vertx = vertx;
        this.path = graphqlPath.startsWith("/") ? graphqlPath : "/" + graphqlPath;
        boolean jit = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        this.stage = config.enabled() && operations.role().accepts() && jit ? Stage.RUNNING : Stage.OFF;
        if (config.enabled() && !jit) {
            LOG.info("Warm-up: this runtime has no JIT to warm up; ready without a rehearsal");
        }
    }

    Stage stage() {
        // An instance whose plain HTTP port never opens (HTTPS only) has nothing to rehearse through.
        if (stage == Stage.RUNNING && client == null && millisSince(createdAt) >= config.maxDuration().toMillis()) {
            return Stage.FINISHED;
        }
        return stage;
    }

    long rounds() {
        return rounds.get();
    }

    /** Why the rehearsal ended, once it has. */
    String ending() {
        return ending;
    }

    void start(@ObservesAsync HttpServerStart started) {
        if (stage != Stage.RUNNING || client != null) {
            return;
        }
        // One connection per client: Vert.x's default pool of five would queue the rest.
        client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(config.clients()));
        Rehearsal rehearsal = new Rehearsal(client, host(started.options()), port(started.options()), path);
        String prefix = "warm-up-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "-";
        AtomicLong masks = new AtomicLong();
        long startedAt = System.nanoTime();
        long compiledAtStart = compiler.getTotalCompilationTime();
        JitSettling settling = new JitSettling(config.settledFor().toMillis(), compiledAtStart);
        LOG.infof("Warm-up: rehearsing createEmptyCart, deleteCarts and queue with %d clients before reporting ready",
                config.clients());
        long timer = vertx.setPeriodic(SAMPLE_MILLIS, tick -> {
            long elapsed = millisSince(startedAt);
            if (settling.settledAfter(elapsed, compiler.getTotalCompilationTime()) && rounds.get() > 0) {
                end("the compilers settled");
            } else if (elapsed >= config.maxDuration().toMillis()) {
                // Ready now, whatever the rounds still running: a slow round must not hold readiness back.
                end("the longest duration was reached");
                stage = Stage.FINISHED;
            }
        });
        List<Uni<Void>> clients = IntStream.range(0, config.clients())
                .mapToObj(i -> Multi.createBy().repeating()
                        .uni(() -> rehearsal.round(prefix + masks.incrementAndGet())
                                .invoke(() -> rounds.incrementAndGet()).replaceWith(Boolean.TRUE))
                        .whilst(next -> !stopping)
                        .onFailure().invoke(failure -> {
                            end("a round failed");
                            LOG.warnf("Warm-up: a round failed, the rehearsal stops: %s", failure.getMessage());
                        })
                        .onFailure().recoverWithCompletion()
                        .onItem().ignoreAsUni())
                .toList();
        Uni.join().all(clients).andCollectFailures().subscribe().with(done -> {
            vertx.cancelTimer(timer);
            LOG.infof("Warm-up: %d rounds in %.1f s, the compilers busy for %.1f s of it; ended because %s",
                    rounds.get(), millisSince(startedAt) / 1000.0,
                    (compiler.getTotalCompilationTime() - compiledAtStart) / 1000.0, ending);
            stage = Stage.FINISHED;
            client.closeAndForget();
        });
    }

    /*
     * No new round once the instance begins to stop: during the shutdown delay requests are still answered, so the
     * rounds under way get their deletions accepted.
     */
    void stopping(@Observes ShutdownDelayInitiatedEvent delay) {
        end("the instance is stopping");
    }

    void stopped(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        end("the instance is stopping");
    }

    private synchronized void end(String why) {
        if (!stopping) {
            ending = why;
            stopping = true;
        }
    }

    /** The server's own address, or the loopback one where it listens on every address. */
    private static String host(HttpServerOptions server) {
        String host = server.getHost();
        if (host == null || host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return host.equals("::") || host.equals("[::]") ? "::1" : host;
    }

    /** The port the server listens on: a random one (port 0) is written back to the configuration once it is bound. */
    private static int port(HttpServerOptions server) {
        if (server.getPort() > 0) {
            return server.getPort();
        }
        String property = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        Optional<Integer> bound = ConfigProvider.getConfig().getOptionalValue(property, Integer.class);
        return bound.orElse(server.getPort());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
