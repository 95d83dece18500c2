package dev.tollgate.keys;

import dev.tollgate.error.GatewayException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's period strings, used for {@code budget_duration} (how often spend resets) and
 * {@code duration} (how long a key lives): a positive whole number and a unit, {@code s} seconds,
 * {@code m} minutes, {@code h} hours, {@code d} days, {@code w} weeks, {@code mo} calendar months
 * ({@code "30s"}, {@code "30m"}, {@code "30h"}, {@code "30d"}, {@code "1mo"}).
 */
public record BudgetDuration(long amount, Unit unit) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(s|m|h|d|w|mo)");

    public enum Unit {
        SECONDS("s"), MINUTES("m"), HOURS("h"), DAYS("d"), WEEKS("w"), MONTHS("mo");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        static Unit of(String suffix) {
            for (Unit u : values()) {
                if (u.suffix.equals(suffix)) {
                    return u;
                }
            }
            throw new IllegalArgumentException(suffix);
        }
    }

    public BudgetDuration {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
    }

    /**
     * Parses {@code text}; anything else is a 400 naming {@code param} (e.g. {@code budget_duration}).
     */
    public static BudgetDuration parse(String text, String param) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw GatewayException.invalid(param, param + ": expected a positive number and a unit "
                    + "(s, m, h, d, w or mo, e.g. \"30d\" or \"1mo\"), got " + (text == null ? "null" : "\"" + text + "\"")
                    + ".");
        }
        return new BudgetDuration(Long.parseLong(m.group(1)), Unit.of(m.group(2)));
    }

    /** The instant one period after {@code from}; months are calendar months in UTC. */
    public Instant after(Instant from) {
        return switch (unit) {
            case SECONDS -> from.plusSeconds(amount);
            case MINUTES -> from.plus(Duration.ofMinutes(amount));
            case HOURS -> from.plus(Duration.ofHours(amount));
            case DAYS -> from.plus(Duration.ofDays(amount));
            case WEEKS -> from.plus(Duration.ofDays(7 * amount));
            case MONTHS -> from.atOffset(ZoneOffset.UTC).plusMonths(amount).toInstant();
        };
    }

    /**
     * The end of the window that holds {@code now}, for a window that ended at {@code end}: the
     * first {@code end} plus a whole number of periods that lies after {@code now}. Stepping from
     * {@code end} rather than from {@code now} keeps the windows on their original grid (a daily
     * budget reset at 09:00 stays at 09:00 however late the first spend after it comes).
     */
    public Instant nextAfter(Instant end, Instant now) {
        if (end.isAfter(now)) {
            return end;
        }
        if (unit == Unit.MONTHS) {
            long months = ChronoUnit.MONTHS.between(end.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
            long periods = Math.max(1, months / amount);
            Instant next = stepMonths(end, periods);
            while (!next.isAfter(now)) {
                next = stepMonths(end, ++periods);
            }
            return next;
        }
        Duration period = Duration.between(end, after(end));
        long periods = Duration.between(end, now).dividedBy(period) + 1;
        return end.plus(period.multipliedBy(periods));
    }

    private Instant stepMonths(Instant end, long periods) {
        return end.atOffset(ZoneOffset.UTC).plusMonths(amount * periods).toInstant();
    }

    @Override
    public String toString() {
        return amount + unit.suffix;
    }
}
