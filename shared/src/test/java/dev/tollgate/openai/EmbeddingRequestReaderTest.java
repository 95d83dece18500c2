package dev.tollgate.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.GatewayException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EmbeddingRequestReaderTest {

    private static EmbeddingRequest read(String json) throws Exception {
        return EmbeddingRequestReader.read(Json.MAPPER.readTree(json));
    }

    @Test
    void readsEveryInputForm() throws Exception {
        assertEquals(List.of("one"), read("{\"model\":\"m\",\"input\":\"one\"}").texts());
        assertEquals(List.of("a", "b"), read("{\"model\":\"m\",\"input\":[\"a\",\"b\"]}").texts());
        EmbeddingRequest tokens = read("{\"model\":\"m\",\"input\":[1,2,3]}");
        assertNull(tokens.texts());
        assertArrayEquals(new int[] {1, 2, 3}, tokens.tokens().get(0));
        EmbeddingRequest batches = read("{\"model\":\"m\",\"input\":[[1,2],[3]],\"dimensions\":256,"
                + "\"encoding_format\":\"base64\",\"input_type\":\"query\"}");
        assertEquals(2, batches.inputCount());
        assertEquals(256, batches.dimensions());
        assertTrue(batches.base64());
        assertTrue(batches.extra().containsKey("input_type"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"model\":\"m\"}|input",
        "{\"model\":\"m\",\"input\":[]}|input",
        "{\"model\":\"m\",\"input\":42}|input",
        "{\"model\":\"m\",\"input\":[\"a\",7]}|input[1]",
        "{\"model\":\"m\",\"input\":[[1,-2]]}|input[0][1]",
        "{\"model\":\"m\",\"input\":\"x\",\"encoding_format\":\"int8\"}|encoding_format",
        "{\"model\":\"m\",\"input\":\"x\",\"dimensions\":0}|dimensions",
        "{\"input\":\"x\"}|model",
    })
    void rejectsBadInputNamingTheField(String body, String param) {
        GatewayException e = assertThrows(GatewayException.class, () -> read(body));
        assertEquals(param, e.param());
    }

    @Test
    void encodesBase64AsOpenAiDoes() {
        // 1.0f little-endian is 00 00 80 3F
        assertEquals("AACAPw==", EmbeddingResponse.toBase64(new float[] {1.0f}));
    }
}
