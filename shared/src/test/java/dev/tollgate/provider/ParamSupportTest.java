package dev.tollgate.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamSupportTest {
    private static final ParamSupport NO_SEED = new ParamSupport("acme", Set.of("seed", "logit_bias", "n"));

    private static ChatRequest read(String extra) throws Exception {
        return ChatRequestReader.read(Json.MAPPER.readTree(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]" + extra + "}"));
    }

    @Test
    void rejectsUnsupportedParameterNamingIt() throws Exception {
        GatewayException e = assertThrows(GatewayException.class, () -> NO_SEED.apply(read(",\"seed\":3"), false));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("seed", e.param());
        assertTrue(e.getMessage().contains("acme") && e.getMessage().contains("drop_params"));
    }

    @Test
    void dropsUnsupportedParametersWhenAsked() throws Exception {
        ChatRequest r = NO_SEED.apply(read(",\"seed\":3,\"logit_bias\":{\"1\":2},\"temperature\":1"), true);
        assertNull(r.seed());
        assertTrue(r.extra().isEmpty());
        assertEquals(1.0, r.temperature());
    }

    @Test
    void letsThroughNOfOne() throws Exception {
        ChatRequest r = read(",\"n\":1");
        assertSame(r, NO_SEED.apply(r, false));
        assertThrows(GatewayException.class, () -> NO_SEED.apply(read(",\"n\":2"), false));
    }
}
