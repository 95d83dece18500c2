package dev.tollgate.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UpstreamErrorsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "400|missing field|INVALID_REQUEST",
        "400|This model's maximum context length is 128000 tokens|CONTEXT_WINDOW_EXCEEDED",
        "400|prompt is too long: 210000 tokens > 200000 maximum|CONTEXT_WINDOW_EXCEEDED",
        "400|The response was filtered due to the prompt triggering Azure OpenAI's content management policy|CONTENT_POLICY",
        "401|bad key|AUTHENTICATION",
        "403|forbidden|PERMISSION_DENIED",
        "404|no model|NOT_FOUND",
        "408|slow|TIMEOUT",
        "422|unprocessable|INVALID_REQUEST",
        "402|Insufficient credits|UPSTREAM_ERROR",
        "409|conflict|UPSTREAM_ERROR",
        "307|redirected|UPSTREAM_ERROR",
        "429|rate limited|RATE_LIMITED",
        "500|internal|UPSTREAM_ERROR",
        "502|bad gateway|UPSTREAM_ERROR",
        "503|unavailable|UPSTREAM_UNAVAILABLE",
        "504|gateway timeout|UPSTREAM_ERROR",
        "529|overloaded|UPSTREAM_UNAVAILABLE",
    })
    void mapsStatusesOntoKinds(int status, String message, ErrorKind kind) {
        GatewayException e = UpstreamErrors.fromStatus("p", status, message, null, null);
        assertEquals(kind, e.kind());
        assertTrue(e.getMessage().contains(message));
    }

    @Test
    void onlyRetryableKindsMayMoveOn() {
        assertFalse(UpstreamErrors.fromStatus("p", 400, "x", null, null).kind().mayRetry());
        assertTrue(UpstreamErrors.fromStatus("p", 429, "x", null, null).kind().mayRetry());
        assertTrue(UpstreamErrors.fromStatus("p", 500, "x", null, null).kind().mayRetry());
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertEquals(Duration.ofSeconds(7), UpstreamErrors.parseRetryAfter("7"));
        assertEquals(Duration.ofMillis(1500), UpstreamErrors.parseRetryAfter("1.5"));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Duration d = UpstreamErrors.parseRetryAfter(date);
        assertTrue(d.toSeconds() > 25 && d.toSeconds() <= 30, d.toString());
        assertNull(UpstreamErrors.parseRetryAfter("soon"));
        assertNull(UpstreamErrors.parseRetryAfter(null));
    }

    @Test
    void mapsIoFailures() {
        assertEquals(ErrorKind.CONNECTION, UpstreamErrors.fromIo("p", new ConnectException("refused"), false).kind());
        assertEquals(ErrorKind.TIMEOUT, UpstreamErrors.fromIo("p", new HttpTimeoutException("slow"), false).kind());
        assertEquals(ErrorKind.TIMEOUT, UpstreamErrors.fromIo("p", new java.io.IOException("closed"), true).kind());
    }
}
