package dev.tollgate.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.EmbeddingRequestReader;
import dev.tollgate.provider.Embeddings;
import org.junit.jupiter.api.Test;

class GeminiEmbeddingsTest {
    private static EmbeddingRequest read(String json) {
        return EmbeddingRequestReader.read(GeminiFixtures.tree(json.getBytes()));
    }

    @Test
    void asksForOneEmbeddingPerTextWithTheDimensions() {
        var body = GeminiEmbeddings.toGemini(read("{\"model\":\"e\",\"input\":[\"a\",\"bb\"],\"dimensions\":8}"),
                "gemini-embedding-001");
        assertEquals(GeminiFixtures.tree("""
                {"requests":[
                 {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"a"}]},"outputDimensionality":8},
                 {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"bb"}]},"outputDimensionality":8}]}
                """.getBytes()), body);
    }

    @Test
    void refusesTokenArraysNamingInput() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> GeminiEmbeddings.toGemini(read("{\"model\":\"e\",\"input\":[[1,2,3]]}"), "m"));
        assertEquals("input", e.param());
    }

    @Test
    void readsValuesAndEstimatesTokensFromCharacters() {
        EmbeddingRequest r = read("{\"model\":\"e\",\"input\":[\"hello\",\"abcdefgh\"]}");
        Embeddings e = GeminiEmbeddings.toEmbeddings("""
                {"embeddings":[{"values":[0.5,-1]},{"values":[2,0.25]}]}""".getBytes(), r, "m");
        assertEquals(2, e.vectors().size());
        assertEquals(-1f, e.vectors().get(0)[1]);
        assertEquals(0.25f, e.vectors().get(1)[1]);
        assertEquals(2 + 2, e.promptTokens());
    }
}
