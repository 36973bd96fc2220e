package io.asyncstorefront.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Rehearses the mutations before the instance reports ready, until the JIT has compiled their paths: a fresh JVM
 * serves a fraction of its steady rate while C2 compiles under load (README, "Warm-up"), and an instance that is not
 * ready receives no traffic. Only an instance that accepts mutations rehearses; it ends when the compilers have been
 * nearly idle for a while, at the longest duration, or at the first failed round.
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
    private final long createdAt = System.currentTimeMillis();
    private volatile Stage stage;
    private volatile boolean stopping;
    private volatile String ending = "the instance stopped";
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
        if (stage == Stage.RUNNING && client == null
                && System.currentTimeMillis() - createdAt >= config.maxDuration().toMillis()) {
            return Stage.FINISHED;
        }
        return stage;
    }

    long rounds() {
        return rounds.get();
    }

    void start(@ObservesAsync HttpServerStart started) {
        if (stage != Stage.RUNNING || client != null) {
            return;
        }
        // One connection per client: Vert.x's default pool of five would queue the rest.
        client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(config.clients()));
        Rehearsal rehearsal = new Rehearsal(client, started.options().getPort(), path);
        String prefix = "warm-up-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "-";
        AtomicLong masks = new AtomicLong();
        long startedAt = System.currentTimeMillis();
        long compiledAtStart = compiler.getTotalCompilationTime();
        JitSettling settling = new JitSettling(config.settledFor().toMillis());
        LOG.infof("Warm-up: rehearsing createEmptyCart, deleteCarts and queue with %d clients before reporting ready",
                config.clients());
        long timer = vertx.setPeriodic(SAMPLE_MILLIS, tick -> {
            long now = System.currentTimeMillis();
            if (settling.settledAfter(now, compiler.getTotalCompilationTime())) {
                end("the compilers settled");
            } else if (now - startedAt >= config.maxDuration().toMillis()) {
                end("the longest duration was reached");
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
                    rounds.get(), (System.currentTimeMillis() - startedAt) / 1000.0,
                    (compiler.getTotalCompilationTime() - compiledAtStart) / 1000.0, ending);
            stage = Stage.FINISHED;
            client.closeAndForget();
        });
    }

    private synchronized void end(String why) {
        if (!stopping) {
            ending = why;
            stopping = true;
        }
    }

    @PreDestroy
    void stop() {
        end("the instance stopped");
    }
}
