package dev.tollgate.bench;

/**
 * What one run measured, over its measured window only (warm-up excluded). {@code total} is the
 * time from writing the request to reading the response's last byte; {@code firstByte} the time to
 * its first body byte (for a stream: the first event); {@code lag} how late each request started
 * against the open-loop schedule (all zero in closed loop); {@code cpu} what each process used.
 */
record LoadResult(LoadSpec spec, Histogram total, Histogram firstByte, Histogram lag, long ok, long errors,
                  double seconds, String firstError, CpuUsage cpu) {

    double achievedRps() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    /** CPU microseconds per successful request for one process, or -1 if unknown. */
    double cpuMicrosPerRequest(String process) {
        long nanos = cpu.nanos(process);
        return nanos < 0 || ok == 0 ? -1 : nanos / 1000.0 / ok;
    }

    /** This run and a later slice of the same load as one result (measured windows added). */
    LoadResult plus(LoadResult later) {
        Histogram t = new Histogram();
        t.add(total);
        t.add(later.total);
        Histogram f = new Histogram();
        f.add(firstByte);
        f.add(later.firstByte);
        Histogram l = new Histogram();
        l.add(lag);
        l.add(later.lag);
        LoadSpec s = new LoadSpec(spec.label(), spec.host(), spec.port(), spec.request(), spec.stream(), spec.rate(),
                spec.connections(), spec.warmup(), spec.duration().plus(later.spec.duration()));
        return new LoadResult(s, t, f, l, ok + later.ok, errors + later.errors, seconds + later.seconds,
                firstError != null ? firstError : later.firstError, cpu.plus(later.cpu));
    }
}
