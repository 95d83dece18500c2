package dev.tollgate.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CallOverridesTest {

    private static CallOptions fromHeaders(Map<String, String> headers) {
        return CallOverrides.fromHeaders("req-1", headers::get);
    }

    private static ChatRequest request(String extraFields) throws Exception {
        return ChatRequestReader.read(Json.MAPPER.readTree("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]" + extraFields + "}"));
    }

    @Test
    void readsTimeoutsAndRetriesFromHeaders() {
        CallOptions o = fromHeaders(Map.of("x-tollgate-timeout", "2.5", "x-tollgate-stream-timeout", " 1 ",
                "x-tollgate-num-retries", "4"));

        assertEquals(Duration.ofMillis(2_500), o.timeout());
        assertEquals(Duration.ofSeconds(1), o.streamTimeout());
        assertEquals(4, o.numRetries());
        assertEquals("req-1", o.requestId());
    }

    @Test
    void leavesOptionsUnsetWithoutHeaders() {
        CallOptions o = fromHeaders(Map.of());

        assertNull(o.timeout());
        assertNull(o.numRetries());
        assertSame(TenantCredentials.DEPLOYMENT, o.credentials());
    }

    @ParameterizedTest
    @CsvSource({"x-tollgate-timeout, 0", "x-tollgate-timeout, -1", "x-tollgate-timeout, 3601",
            "x-tollgate-timeout, fast", "x-tollgate-stream-timeout, 1e400", "x-tollgate-num-retries, 11",
            "x-tollgate-num-retries, -1", "x-tollgate-num-retries, 1.5", "x-tollgate-num-retries, many"})
    void rejectsBadHeaderNamingIt(String header, String value) {
        GatewayException e = assertThrows(GatewayException.class, () -> fromHeaders(Map.of(header, value)));

        assertEquals(400, e.status());
        assertEquals(header, e.param());
        assertTrue(e.getMessage().contains(header), e.getMessage());
    }

    @Test
    void readsTimeoutsRetriesAndFallbacksFromTheBody() throws Exception {
        CallOverrides.FromBody b = CallOverrides.fromBody(request(
                ",\"timeout\":3,\"stream_timeout\":0.5,\"num_retries\":1,\"fallbacks\":[\"other\"]"));

        assertEquals(Duration.ofSeconds(3), b.timeout());
        assertEquals(Duration.ofMillis(500), b.streamTimeout());
        assertEquals(1, b.numRetries());
        assertEquals(List.of("other"), CallOverrides.RequestFallbacks.forModel(b.fallbacks(), "m"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"timeout\":\"soon\"|timeout", "\"stream_timeout\":0|stream_timeout",
            "\"num_retries\":99|num_retries", "\"num_retries\":true|num_retries", "\"fallbacks\":{}|fallbacks"})
    void rejectsBadBodyFieldNamingIt(String field, String param) {
        GatewayException e = assertThrows(GatewayException.class, () -> CallOverrides.fromBody(request("," + field)));

        assertEquals(400, e.status());
        assertEquals(param, e.param());
    }
}
