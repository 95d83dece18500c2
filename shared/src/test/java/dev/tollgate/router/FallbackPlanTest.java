package dev.tollgate.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.config.FallbackSettings;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FallbackSettings SETTINGS = new FallbackSettings(
            Map.of("gpt-4o", List.of("claude-sonnet", "gemini-pro", "gpt-4o", "claude-sonnet")),
            Map.of("gpt-4o", List.of("gpt-4o-long")),
            Map.of("gpt-4o", List.of("claude-strict")),
            List.of("cheap"));

    private static GatewayException error(ErrorKind kind) {
        return new GatewayException(kind, "x");
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void goesToEachErrorKindsOwnList() {
        FallbackPlan plan = FallbackPlan.of("gpt-4o", SETTINGS, null);

        assertEquals(List.of("claude-sonnet", "gemini-pro"), plan.after(error(ErrorKind.UPSTREAM_UNAVAILABLE)));
        assertEquals(List.of("claude-sonnet", "gemini-pro"), plan.after(error(ErrorKind.RATE_LIMITED)));
        assertEquals(List.of("gpt-4o-long"), plan.after(error(ErrorKind.CONTEXT_WINDOW_EXCEEDED)));
        assertEquals(List.of("claude-strict"), plan.after(error(ErrorKind.CONTENT_POLICY)));
    }

    @Test
    void neverFallsBackOnTheCallersBadRequest() {
        FallbackPlan plan = FallbackPlan.of("gpt-4o", SETTINGS, null);

        assertEquals(List.of(), plan.after(error(ErrorKind.INVALID_REQUEST)));
        assertEquals(List.of(), plan.after(error(ErrorKind.UNKNOWN_MODEL)));
    }

    @Test
    void usesDefaultFallbacksForModelsWithoutTheirOwn() {
        FallbackPlan plan = FallbackPlan.of("mistral", SETTINGS, null);

        assertEquals(List.of("cheap"), plan.after(error(ErrorKind.TIMEOUT)));
        assertEquals(List.of(), plan.after(error(ErrorKind.CONTEXT_WINDOW_EXCEEDED)));
    }

    @Test
    void takesTheRequestsFallbacksOverTheConfigs() throws Exception {
        assertEquals(List.of("x", "y"), FallbackPlan.of("gpt-4o", SETTINGS, json("[\"x\",\"y\"]"))
                .after(error(ErrorKind.UPSTREAM_ERROR)));
        assertEquals(List.of("z"), FallbackPlan.of("gpt-4o", SETTINGS, json("[{\"gpt-4o\":[\"z\"]},{\"other\":[\"w\"]}]"))
                .after(error(ErrorKind.UPSTREAM_ERROR)));
    }

    @Test
    void rejectsMalformedRequestFallbacksNamingTheField() throws Exception {
        for (String bad : List.of("\"gpt-4o\"", "[1]", "[{\"gpt-4o\":\"x\"}]", "[\"\"]")) {
            GatewayException e = assertThrows(GatewayException.class,
                    () -> CallOverrides.RequestFallbacks.validate(json(bad)), bad);
            assertEquals("fallbacks", e.param());
            assertEquals(400, e.status());
        }
    }
}
