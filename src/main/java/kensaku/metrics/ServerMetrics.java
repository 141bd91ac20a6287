package kensaku.metrics;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import kensaku.analytics.EventRecorder;
import kensaku.http.RequestListener;
import kensaku.search.IndexEvents;
import kensaku.search.IndexInfo;
import kensaku.search.SearchBackend;
import kensaku.search.SearchLoad;

/**
 * Everything the server counts, in one Prometheus registry: requests by route and status with latency buckets,
 * searches (answered, timed out, refused, failed), searches running and waiting for a slot, the index served (its
 * generation, age and size) and the switches to new generations, and the JVM's memory, GC, threads and CPU.
 * Gauges are read when scraped; nothing here reaches into the engine beyond {@link SearchLoad} and {@link IndexEvents}.
 */
public final class ServerMetrics implements RequestListener, IndexEvents, AutoCloseable {
    /** Latency buckets from a cached suggestion (~1 ms) to the search budget (2 s) and beyond. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Meter.MeterProvider<Timer> requests;
    private final Meter.MeterProvider<Timer> searches;
    private final Counter timedOut;
    private final Counter switches;
    private final Counter switchFailures;
    private final MultiGauge generation;

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        requests = Timer.builder("kensaku.http.requests").description("HTTP requests answered, by route and status")
                .serviceLevelObjectives(BUCKETS).withRegistry(registry);
        searches = Timer.builder("kensaku.searches")
                .description("Searches, by outcome: answered, timed_out (partial results), refused (bad request), failed")
                .serviceLevelObjectives(BUCKETS).withRegistry(registry);
        timedOut = Counter.builder("kensaku.searches.timed.out")
                .description("Searches that ran out of their time budget and answered with what they had found")
                .register(registry);
        switches = Counter.builder("kensaku.index.switches")
                .description("New index generations (from the index command) the server switched to").register(registry);
        switchFailures = Counter.builder("kensaku.index.switch.failures")
                .description("New index generations the server found but could not open; the previous one kept serving")
                .register(registry);
        generation = MultiGauge.builder("kensaku.index.generation")
                .description("The index generation being served (value 1, its name in the label)").register(registry);
    }

    /** Reads the index served and the search load on every scrape; {@code load} is null for a cluster backend. */
    public void watch(SearchBackend backend, SearchLoad load) {
        gauge("kensaku.index.documents", "Articles in the index being served", backend, info -> info.documents(), null);
        gauge("kensaku.index.schema.version", "Schema version of the index being served", backend,
                info -> info.schemaVersion(), null);
        gauge("kensaku.index.age", "Time since the index being served was built", backend,
                info -> Duration.between(Instant.parse(info.builtAt()), Instant.now()).toMillis() / 1000.0, "seconds");
        if (load != null) {
            Gauge.builder("kensaku.searches.running", load, SearchLoad::searchesRunning)
                    .description("Searches running now, at most one per core").register(registry);
            Gauge.builder("kensaku.searches.waiting", load, SearchLoad::searchesWaiting)
                    .description("Searches waiting for a free slot").register(registry);
        }
        try {
            showGeneration(backend.info());
        } catch (IOException | RuntimeException e) {
            // The backend is not answering now; the gauges say NaN and the next switch sets the generation.
        }
    }

    /** Counts analytics events written, dropped (queue full) and failed (store refused), and the queue's length. */
    public void watch(EventRecorder recorder) {
        FunctionCounter.builder("kensaku.analytics.events.written", recorder, EventRecorder::written)
                .description("Analytics events written to the state folder's store").register(registry);
        FunctionCounter.builder("kensaku.analytics.events.dropped", recorder, EventRecorder::dropped)
                .description("Analytics events dropped because the writer was behind (searches never wait for it)")
                .register(registry);
        FunctionCounter.builder("kensaku.analytics.events.failed", recorder, EventRecorder::failed)
                .description("Analytics events lost because the store refused them (see the log)").register(registry);
        Gauge.builder("kensaku.analytics.events.queued", recorder, EventRecorder::queued)
                .description("Analytics events waiting for the writer").register(registry);
    }

    private void gauge(String name, String description, SearchBackend backend, ToDoubleFunction<IndexInfo> value,
                       String unit) {
        Gauge.builder(name, backend, b -> {
            try {
                return value.applyAsDouble(b.info());
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).baseUnit(unit).register(registry);
    }

    private void showGeneration(IndexInfo info) {
        generation.register(List.of(MultiGauge.Row.of(Tags.of("generation", info.generation()), 1)), true);
    }

    @Override
    public void completed(Context ctx, String requestId, float millis) {
        requests.withTags("method", ctx.method().name(), "route", RequestListener.route(ctx),
                "status", Integer.toString(ctx.statusCode())).record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** A search that ended this way after this many nanoseconds (waiting for a slot included). */
    void searched(String outcome, long nanos) {
        searches.withTags("outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
        if (outcome.equals("timed_out")) {
            timedOut.increment();
        }
    }

    @Override
    public void switched(IndexInfo now) {
        switches.increment();
        showGeneration(now);
    }

    @Override
    public void switchFailed(Exception cause) {
        switchFailures.increment();
    }

    /** The Prometheus text format (0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
