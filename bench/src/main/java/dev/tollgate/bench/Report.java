package dev.tollgate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Renders the results as Markdown: the overhead table first, then every run, start-up and artifact size. */
final class Report {
    static final double P50_TARGET_MS = 0.5;
    static final double P99_TARGET_MS = 2.0;

    /** One direct run and the gateway run under identical load, in one scenario (how the gateway was called). */
    record Pair(String scenario, String call, LoadResult direct, LoadResult gateway) {
    }

    private final BenchOptions options;
    private final List<Pair> pairs = new ArrayList<>();
    private final List<LoadResult> runs = new ArrayList<>();
    private final List<LoadResult> sustained = new ArrayList<>();
    private final List<Gateway.Startup> startups = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String environment = "";
    private String artifact = "not measured";

    Report(BenchOptions options) {
        this.options = options;
    }

    /** A run shown in the runs table only. */
    void run(LoadResult result) {
        runs.add(result);
    }

    /** Two runs already added with {@link #run}, compared in the overhead table. */
    void pair(Pair pair) {
        pairs.add(pair);
    }

    /** A run also judged against the sustained-rate target. */
    void sustained(LoadResult result) {
        runs.add(result);
        sustained.add(result);
    }

    void startup(Gateway.Startup startup) {
        startups.add(startup);
    }

    void note(String note) {
        notes.add(note);
    }

    void environment(String text) {
        environment = text;
    }

    void artifact(String text) {
        artifact = text;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Tollgate benchmark").append(options.quick() ? " (quick smoke run: not for the README)" : "")
                .append("\n\n").append(environment).append("\n\n");
        overhead(md);
        runs(md);
        startupAndSize(md);
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private void overhead(StringBuilder md) {
        md.append(String.format(Locale.ROOT, "## Gateway overhead at %s req/s%n%n", num(options.rate())));
        md.append("Overhead = gateway percentile − direct-to-mock percentile, same load (a row whose gateway names ")
                .append("another rate ran at that rate). Targets: p50 ≤ ")
                .append(num(P50_TARGET_MS)).append(" ms, p99 ≤ ").append(num(P99_TARGET_MS)).append(" ms. ")
                .append("Gateways: *open* is the completion-handler (`CompletionMain`) with no `master_key`, so no key ")
                .append("checks; *virtual key* is `bin/local`'s runtime (`LocalMain`, DynamoDB Local in the same JVM) ")
                .append("called with a team's virtual key: key lookup (cached), model and budget checks, rate limits ")
                .append("counted in memory, and the call's spend written to DynamoDB before the answer is sent; ")
                .append("*virtual key, unpriced model* is the same key on a model with zero prices: every check, ")
                .append("no spend write.\n\n");
        if (pairs.isEmpty()) {
            md.append("Not measured: the gateway was not run.\n\n");
            return;
        }
        md.append("| gateway | call | latency | direct p50 | gateway p50 | **overhead p50** | direct p99 | gateway p99 | "
                + "**overhead p99** | target |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Pair p : pairs) {
            overheadRow(md, p, "total", LoadResult::total);
            if (p.direct().spec().stream()) {
                overheadRow(md, p, "first byte", LoadResult::firstByte);
            }
        }
        md.append('\n');
    }

    private static void overheadRow(StringBuilder md, Pair p, String what, Function<LoadResult, Histogram> h) {
        double d50 = ms(h.apply(p.direct()).percentile(50));
        double d99 = ms(h.apply(p.direct()).percentile(99));
        LoadResult g = p.gateway();
        String gateway50 = "–";
        String gateway99 = "–";
        String over50 = "–";
        String over99 = "–";
        boolean met = false;
        if (g.ok() > 0) {
            double g50 = ms(h.apply(g).percentile(50));
            double g99 = ms(h.apply(g).percentile(99));
            gateway50 = String.format(Locale.ROOT, "%.3f", g50);
            gateway99 = String.format(Locale.ROOT, "%.3f", g99);
            over50 = String.format(Locale.ROOT, "%.3f", g50 - d50);
            over99 = String.format(Locale.ROOT, "%.3f", g99 - d99);
            met = g50 - d50 <= P50_TARGET_MS && g99 - d99 <= P99_TARGET_MS && g.errors() == 0;
        }
        String verdict = met ? "met" : g.errors() == 0 ? "**missed**"
                : String.format(Locale.ROOT, "**missed** (%d errors of %d, %.0f req/s answered)", g.errors(),
                g.ok() + g.errors(), g.achievedRps());
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %s | **%s** | %.3f | %s | **%s** | %s |%n",
                p.scenario(), p.call(), what, d50, gateway50, over50, d99, gateway99, over99, verdict));
    }

    private void runs(StringBuilder md) {
        md.append("## Every run (latencies in ms, measured window only)\n\n")
                .append("| run | target req/s | achieved req/s | errors | p50 | p90 | p99 | max | "
                        + "stream first byte p50 / p99 | start lag p99 | CPU µs/req client / mock / gateway |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LoadResult r : runs) {
            Histogram t = r.total();
            String firstByte = r.spec().stream()
                    ? String.format(Locale.ROOT, "%.3f / %.3f", ms(r.firstByte().percentile(50)),
                    ms(r.firstByte().percentile(99)))
                    : "–";
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %d | %.3f | %.3f | %.3f | %.3f | %s | %.3f | %s |%n",
                    r.spec().label(), num(r.spec().rate()), r.achievedRps(), r.errors(), ms(t.percentile(50)),
                    ms(t.percentile(90)), ms(t.percentile(99)), ms(t.max()), firstByte, ms(r.lag().percentile(99)),
                    cpu(r)));
        }
        md.append('\n');
        for (LoadResult r : sustained) {
            boolean met = r.errors() == 0 && r.achievedRps() >= 0.99 * r.spec().rate();
            md.append(String.format(Locale.ROOT, "- %s: %.0f of %s req/s sustained for %d s, %d errors: **%s**%n",
                    r.spec().label(), r.achievedRps(), num(r.spec().rate()), r.spec().duration().toSeconds(),
                    r.errors(), met ? "met" : "missed"));
        }
        md.append('\n');
        for (LoadResult r : runs) {
            String shares = r.cpu().shares("gateway", 6);
            if (!shares.isEmpty() && r.cpu().nanos("gateway") > 0.1 * r.spec().duration().toNanos()) {
                md.append("- gateway CPU in ").append(r.spec().label()).append(", by thread: ").append(shares)
                        .append('\n');
            }
        }
        runs.stream().filter(r -> r.firstError() != null).forEach(r ->
                md.append("- first error in ").append(r.spec().label()).append(": `")
                        .append(r.firstError().replace('\n', ' ').replace('`', '\'')).append("`\n"));
        md.append('\n');
    }

    private void startupAndSize(StringBuilder md) {
        md.append("## Start-up and size\n\n| measure | value |\n|---|---|\n");
        if (startups.isEmpty()) {
            md.append("| completion-handler start-up | not measured |\n");
        } else {
            md.append("| spawn → first 200 from `GET /health/readiness` | ")
                    .append(median(startups, Gateway.Startup::readinessMillis)).append(" |\n")
                    .append("| spawn → first 200 from `POST /v1/chat/completions` | ")
                    .append(median(startups, Gateway.Startup::firstCompletionMillis)).append(" |\n");
        }
        md.append("| completion-handler artifact | ").append(artifact).append(" |\n");
    }

    private static String median(List<Gateway.Startup> runs, Function<Gateway.Startup, Double> f) {
        List<Double> values = runs.stream().map(f).sorted().toList();
        String all = String.join(", ", runs.stream().map(f).map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        return String.format(Locale.ROOT, "%.0f ms (median of %d: %s)", values.get(values.size() / 2), runs.size(), all);
    }

    private static String cpu(LoadResult r) {
        List<String> parts = new ArrayList<>();
        for (String process : List.of("client", "mock", "gateway")) {
            double us = r.cpuMicrosPerRequest(process);
            parts.add(us < 0 ? "–" : String.format(Locale.ROOT, "%.0f", us));
        }
        return String.join(" / ", parts);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
