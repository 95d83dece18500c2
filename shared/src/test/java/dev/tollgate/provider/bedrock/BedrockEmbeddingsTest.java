package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.EmbeddingRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BedrockEmbeddingsTest {

    private static EmbeddingRequest texts(List<String> texts, Integer dimensions) {
        return new EmbeddingRequest("emb", texts, null, false, dimensions, null, Map.of());
    }

    @Test
    void choosesTheBodyByModelFamily() {
        assertEquals(BedrockEmbeddings.Family.COHERE, BedrockEmbeddings.family("cohere.embed-multilingual-v3"));
        assertEquals(BedrockEmbeddings.Family.TITAN, BedrockEmbeddings.family("amazon.titan-embed-text-v2:0"));
    }

    @Test
    void sendsTitanOneInputPerCallWithDimensions() {
        List<BedrockEmbeddings.Invocation> calls = BedrockEmbeddings.toBedrock(texts(List.of("a", "b"), 256),
                BedrockEmbeddings.Family.TITAN);
        assertEquals(2, calls.size());
        assertEquals(BedrockFixtures.tree("{\"inputText\":\"b\",\"dimensions\":256}"),
                BedrockFixtures.tree(new String(calls.get(1).body(), StandardCharsets.UTF_8)));
    }

    @Test
    void batchesCohereInputsNinetySixAtATime() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("t" + i);
        }
        List<BedrockEmbeddings.Invocation> calls = BedrockEmbeddings.toBedrock(texts(many, null),
                BedrockEmbeddings.Family.COHERE);
        assertEquals(List.of(96, 4), calls.stream().map(BedrockEmbeddings.Invocation::inputs).toList());
        assertEquals("search_document", BedrockFixtures.tree(new String(calls.get(0).body(), StandardCharsets.UTF_8))
                .path("input_type").asText());
    }

    @Test
    void rejectsTokenArraysNamingInput() {
        EmbeddingRequest tokens = new EmbeddingRequest("emb", null, List.of(new int[] {1, 2}), false, null, null, Map.of());
        GatewayException e = assertThrows(GatewayException.class,
                () -> BedrockEmbeddings.toBedrock(tokens, BedrockEmbeddings.Family.TITAN));
        assertEquals("input", e.param());
    }

    @Test
    void readsTitanAndCohereAnswers() {
        BedrockEmbeddings.Result titan = BedrockEmbeddings.toOpenAi(
                "{\"embedding\":[0.5,-0.25],\"inputTextTokenCount\":4}".getBytes(StandardCharsets.UTF_8),
                BedrockEmbeddings.Family.TITAN, null);
        assertArrayEquals(new float[] {0.5f, -0.25f}, titan.vectors().get(0));
        assertEquals(4, titan.tokens());
        BedrockEmbeddings.Result cohere = BedrockEmbeddings.toOpenAi(
                "{\"id\":\"x\",\"embeddings\":[[1.0],[2.0]],\"response_type\":\"embeddings_floats\"}"
                        .getBytes(StandardCharsets.UTF_8), BedrockEmbeddings.Family.COHERE, 9);
        assertEquals(2, cohere.vectors().size());
        assertEquals(9, cohere.tokens());
    }
}
