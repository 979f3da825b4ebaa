package mpkernel.experiments.net;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpkernel.experiments.launch.KernelOutcome;
import mpkernel.isolation.Backend;
import mpkernel.kernel.boot.KernelReport;

/**
 * Runs a {@link NetbenchPlan}. Per repetition, in the plan's rotated order: for each backend a
 * boot of {@code tcp-discard} that takes one connection per message size from the sender, a
 * boot of {@code kv-server} under {@code redis-benchmark} (GET and SET, {@code -P 1} and
 * {@code -P 16}) and a boot of {@code http-server} under {@code wrk} (a 1 KiB and a 64 KiB file);
 * for Linux the same sender against the {@code java.net} sink behind the veth pair. Then, per
 * isolated backend, the gate crossings per request and per megabyte ({@link Crossings}; the
 * vanilla build {@code none} has no gates to count). A part whose
 * server program or client tool is missing is skipped with one line; a part that fails leaves
 * NaN in its repetition and one line in the failures, and the run goes on.
 */
public final class NetbenchExperiment {

    /** The kernel's port of the discard sink (RFC 863's). */
    static final int DISCARD_PORT = 9;
    /** kv-server's port (Redis's). */
    static final int KV_PORT = 6379;
    /** http-server's port. */
    static final int HTTP_PORT = 80;

    private static final Pattern SENT = Pattern.compile("size (\\d+) bytes (\\d+) seconds ([0-9.]+)");

    private final NetbenchPlan plan;
    private final String modulePath;
    private final Availability available;
    private final PrintStream progress;
    private final Observations data;
    private final Map<String, Crossings> crossings = new LinkedHashMap<>();
    private final Path scratch;
    /** Set once the JVM shuts down (Ctrl-C): no part starts after that, so no namespace is made that no hook deletes. */
    private volatile boolean stopping;

    /**
     * What of the benchmark can run here.
     *
     * @param kvServer whether the kernel has {@code kv-server}
     * @param httpServer whether it has {@code http-server}
     * @param redisBenchmark whether {@code redis-benchmark} is installed
     * @param wrk whether {@code wrk} is installed
     */
    public record Availability(boolean kvServer, boolean httpServer, boolean redisBenchmark, boolean wrk) {

        /** The parts that cannot run, one line each. */
        public List<String> skipped() {
            List<String> s = new ArrayList<>();
            if (!kvServer || !redisBenchmark) {
                s.add("redis-benchmark against kv-server: " + (!kvServer ? "the kernel has no kv-server program" : "redis-benchmark is not installed"
                        + " (apt-get install redis-tools)"));
            }
            if (!httpServer || !wrk) {
                s.add("wrk against http-server: " + (!httpServer ? "the kernel has no http-server program" : "wrk is not installed (apt-get install wrk)"));
            }
            return s;
        }

        boolean redis() {
            return kvServer && redisBenchmark;
        }

        boolean http() {
            return httpServer && wrk;
        }
    }

    public NetbenchExperiment(NetbenchPlan plan, String modulePath, Availability available, PrintStream progress) {
        this.plan = plan;
        this.modulePath = modulePath;
        this.available = available;
        this.progress = progress;
        this.data = new Observations(plan.reps());
        try {
            this.scratch = Files.createTempDirectory("mpk-netbench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch folder", e);
        }
    }

    /** The numbers so far. */
    Observations observations() {
        return data;
    }

    /** The crossing counts so far, by backend. */
    Map<String, Crossings> crossings() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(crossings)); // in the plan's order
    }

    /** Runs everything; {@code afterEach} is called after every part, for writing what there is. */
    public NetbenchResult run(Consumer<NetbenchResult> afterEach) {
        Map<String, Path> files = httpFiles();
        long start = System.nanoTime();
        // On Ctrl-C no new part starts, and the servers, senders and load generators this run started
        // go too: a kernel serving without a connection limit would otherwise outlive its launcher.
        Thread stop = new Thread(() -> {
            stopping = true;
            // Not the ip commands: the other hooks are deleting the namespaces with them right now.
            ProcessHandle.current().descendants().filter(p -> !p.info().command().orElse("").endsWith("/ip"))
                    .forEach(ProcessHandle::destroyForcibly);
        }, "netbench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try (LinuxPath linux = LinuxPath.create()) {
            for (int rep = 0; rep < plan.reps(); rep++) {
                List<String> order = plan.order(rep);
                progress.printf("netbench: repetition %d/%d, order %s%n", rep + 1, plan.reps(), String.join(", ", order));
                for (String who : order) {
                    if (who.equals(NetbenchPlan.LINUX)) {
                        linuxStream(linux, rep);
                    } else {
                        Backend b = Backend.parse(who);
                        kernelStream(b, rep);
                        afterEach.accept(result(false));
                        if (available.redis()) {
                            redis(b, rep);
                        }
                        if (available.http()) {
                            wrk(b, rep, files);
                        }
                    }
                    afterEach.accept(result(false));
                    progress.printf(Locale.ROOT, "netbench: %-8s repetition %d done, %.0f s so far%n", who, rep + 1, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        for (Backend b : plan.backends()) {
            if (b == Backend.NONE) {
                continue; // the vanilla build has no gates and counts no crossings
            }
            double perGet = available.kvServer() ? crossingsPerGet(b) : Double.NaN;
            double perMb = crossingsPerMegabyte(b);
            crossings.put(b.cliName(), new Crossings(b.cliName(), perGet, perMb, plan.crossingMessage()));
            progress.printf(Locale.ROOT, "netbench: %-8s crossings: %.2f per GET, %.1f per MB%n", b.cliName(), perGet, perMb);
            afterEach.accept(result(false));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // shutting down already
        }
        return result(!stopping);
    }

    private NetbenchResult result(boolean complete) {
        return new NetbenchResult(plan, data, crossings(), available.skipped(), complete);
    }

    private void kernelStream(Backend b, int rep) {
        attempt(b.cliName() + " stream, repetition " + (rep + 1), () -> {
            try (ServerBoot boot = ServerBoot.start(b, modulePath, "tcp-discard",
                    List.of(Integer.toString(DISCARD_PORT), Integer.toString(plan.sizes().size())), Map.of(), "listening")) {
                send(boot.namespace(), ServerBoot.GUEST, b.cliName(), rep);
                boot.finish(60);
            }
        });
    }

    private void linuxStream(LinuxPath linux, int rep) {
        attempt("linux stream, repetition " + (rep + 1), () -> {
            linux.startSink(DISCARD_PORT);
            try {
                send(linux.client(), LinuxPath.SERVER, NetbenchPlan.LINUX, rep);
            } finally {
                linux.stopSink();
            }
        });
    }

    /** The sender, one connection per size; records bytes per second per size. */
    private void send(String ns, String host, String who, int rep) {
        List<String> args = new ArrayList<>(List.of("send", host, Integer.toString(DISCARD_PORT), Long.toString(plan.warmupMillis()),
                Long.toString(plan.measureMillis())));
        plan.sizes().forEach(s -> args.add(Integer.toString(s)));
        int limit = 60 + (int) (plan.sizes().size() * (plan.warmupMillis() + plan.measureMillis()) / 1000 * 3);
        String out = HostCommand.run(ns, HostCommand.peer(args), limit);
        Matcher m = SENT.matcher(out);
        int seen = 0;
        StringBuilder line = new StringBuilder();
        while (m.find()) {
            int size = Integer.parseInt(m.group(1));
            double rate = Long.parseLong(m.group(2)) / Double.parseDouble(m.group(3));
            data.rate(Observations.stream(size), who, rep, rate);
            line.append(String.format(Locale.ROOT, " %s:%.1f", size >= 1024 ? size / 1024 + "K" : Integer.toString(size), rate / 1e6));
            seen++;
        }
        if (seen != plan.sizes().size()) {
            throw new HostCommand.Failed("the sender reported " + seen + " of " + plan.sizes().size() + " sizes: " + out.strip());
        }
        progress.printf("  %-8s stream MB/s%s%n", who, line);
    }

    private void redis(Backend b, int rep) {
        attempt(b.cliName() + " redis-benchmark, repetition " + (rep + 1), () -> {
            try (ServerBoot boot = ServerBoot.start(b, modulePath, "kv-server", List.of(Integer.toString(KV_PORT)), Map.of(), "listening")) {
                for (int p : NetbenchPlan.PIPELINES) {
                    String out = HostCommand.run(boot.namespace(), List.of("redis-benchmark", "-h", ServerBoot.GUEST, "-p",
                            Integer.toString(KV_PORT), "-t", "set,get", "-n", Integer.toString(plan.redisRequests()), "-c",
                            Integer.toString(plan.redisClients()), "-P", Integer.toString(p), "--csv"), 60 + plan.redisRequests() / 100);
                    Map<String, RequestStats> tests = RedisBenchmarkOutput.parse(out);
                    for (String t : NetbenchPlan.REDIS_TESTS) {
                        RequestStats s = tests.get(t);
                        if (s == null) {
                            throw new HostCommand.Failed("redis-benchmark printed no " + t + " result: " + out.strip());
                        }
                        data.request(NetbenchPlan.redisMetric(t, p), b.cliName(), rep, s);
                        progress.printf(Locale.ROOT, "  %-8s %-14s %10.0f req/s  p50 %.3f ms  p99 %.3f ms%n", b.cliName(),
                                NetbenchPlan.redisMetric(t, p), s.perSecond(), s.p50Millis(), s.p99Millis());
                    }
                }
            }
        });
    }

    private void wrk(Backend b, int rep, Map<String, Path> files) {
        attempt(b.cliName() + " wrk, repetition " + (rep + 1), () -> {
            try (ServerBoot boot = ServerBoot.start(b, modulePath, "http-server", List.of(Integer.toString(HTTP_PORT)), files, "listening")) {
                for (int size : NetbenchPlan.WRK_FILES) {
                    String out = HostCommand.run(boot.namespace(), List.of("wrk", "-t", "1", "-c", Integer.toString(plan.wrkConnections()),
                            "-d", plan.wrkSeconds() + "s", "--latency", "http://" + ServerBoot.GUEST + ":" + HTTP_PORT + "/" + fileName(size)),
                            plan.wrkSeconds() + 60);
                    RequestStats s = WrkOutput.parse(out);
                    data.request(NetbenchPlan.wrkMetric(size), b.cliName(), rep, s);
                    progress.printf(Locale.ROOT, "  %-8s %-14s %10.0f req/s  p50 %.3f ms  p99 %.3f ms%n", b.cliName(),
                            NetbenchPlan.wrkMetric(size), s.perSecond(), s.p50Millis(), s.p99Millis());
                }
            }
        });
    }

    private double crossingsPerGet(Backend b) {
        long[] counts = new long[2];
        boolean ok = attempt(b.cliName() + " crossings per GET", () -> {
            for (int i = 0; i < 2; i++) {
                try (ServerBoot boot = ServerBoot.start(b, modulePath, "kv-server", List.of(Integer.toString(KV_PORT), "1"), Map.of(), "listening")) {
                    HostCommand.run(boot.namespace(), HostCommand.peer(List.of("get", ServerBoot.GUEST, Integer.toString(KV_PORT),
                            Integer.toString(plan.crossingGets()[i]))), 300);
                    counts[i] = crossingsOf(boot.finish(60));
                }
            }
        });
        return ok ? Crossings.slope(counts[0], counts[1], plan.crossingGets()[0], plan.crossingGets()[1]) : Double.NaN;
    }

    private double crossingsPerMegabyte(Backend b) {
        long[] counts = new long[2];
        boolean ok = attempt(b.cliName() + " crossings per MB", () -> {
            for (int i = 0; i < 2; i++) {
                try (ServerBoot boot = ServerBoot.start(b, modulePath, "tcp-discard", List.of(Integer.toString(DISCARD_PORT), "1"), Map.of(),
                        "listening")) {
                    HostCommand.run(boot.namespace(), HostCommand.peer(List.of("send-bytes", ServerBoot.GUEST, Integer.toString(DISCARD_PORT),
                            Integer.toString(plan.crossingMessage()), Long.toString(plan.crossingBytes()[i]))), 300);
                    counts[i] = crossingsOf(boot.finish(60));
                }
            }
        });
        return ok ? Crossings.slope(counts[0], counts[1], plan.crossingBytes()[0] / 1e6, plan.crossingBytes()[1] / 1e6) : Double.NaN;
    }

    private static long crossingsOf(KernelOutcome o) {
        KernelReport.Run run = o.lastRun().orElseThrow(() -> new HostCommand.Failed("the server ended without its signed report ("
                + o.verdict() + ")"));
        if (run.status() != 0) {
            throw new HostCommand.Failed("the server ended with status " + run.status());
        }
        // the servers boot without a DRIVER domain, so the driver gate is the unsafe gate and its
        // count is already in unsafeCalls (KernelReport.Run): adding it again counted every driver
        // crossing twice
        return run.syscalls() + run.unsafeCalls();
    }

    /** Runs {@code part}; a failure becomes one line of progress and of the report. */
    private boolean attempt(String what, Runnable part) {
        if (stopping) {
            return false;
        }
        try {
            part.run();
            return true;
        } catch (HostCommand.Failed | IllegalArgumentException | IllegalStateException e) {
            String line = what + ": " + e.getMessage();
            data.failed(line);
            progress.println("  FAILED: " + line);
            return false;
        }
    }

    /** The files wrk fetches, written once into the scratch folder: name to path. */
    private Map<String, Path> httpFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        java.util.Random random = new java.util.Random(18);
        for (int size : NetbenchPlan.WRK_FILES) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path f = scratch.resolve(fileName(size));
            try {
                Files.write(f, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + f, e);
            }
            files.put(fileName(size), f);
        }
        return files;
    }

    static String fileName(int size) {
        return size / 1024 + "k.bin";
    }
}
