package dev.tollgate.openai;

import static dev.tollgate.error.GatewayException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code /v1/embeddings} bodies: {@code input} as a string, strings, a token array or token arrays. */
public final class EmbeddingRequestReader {
    /** OpenAI's own limit on inputs per request. */
    public static final int MAX_INPUTS = 2048;
    private static final Set<String> TYPED = Set.of("model", "input", "encoding_format", "dimensions", "user");

    private EmbeddingRequestReader() {
    }

    public static EmbeddingRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(null, "Request body must be a JSON object.");
        }
        String model = Fields.requiredText(body, "model");
        JsonNode input = body.get("input");
        if (input == null || input.isNull()) {
            throw invalid("input", "Missing required field 'input'.");
        }
        String format = Fields.optionalText(body, "encoding_format");
        if (format != null && !format.equals("float") && !format.equals("base64")) {
            throw invalid("encoding_format", "'encoding_format' must be 'float' or 'base64', got '" + format + "'.");
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!TYPED.contains(f.getKey()) && !ChatRequestReader.GATEWAY_PARAMS.contains(f.getKey())
                    && !f.getValue().isNull()) {
                extra.put(f.getKey(), f.getValue());
            }
        }
        List<String> texts = null;
        List<int[]> tokens = null;
        if (input.isTextual()) {
            texts = List.of(input.textValue());
        } else if (input.isArray() && !input.isEmpty() && input.get(0).isIntegralNumber()) {
            tokens = List.of(tokenArray(input, "input"));
        } else if (input.isArray() && !input.isEmpty() && input.get(0).isArray()) {
            tokens = new ArrayList<>(input.size());
            for (int i = 0; i < input.size(); i++) {
                tokens.add(tokenArray(input.get(i), "input[" + i + "]"));
            }
        } else if (input.isArray() && !input.isEmpty()) {
            texts = new ArrayList<>(input.size());
            for (int i = 0; i < input.size(); i++) {
                if (!input.get(i).isTextual()) {
                    throw invalid("input[" + i + "]", "'input[" + i + "]' must be a string like the other inputs.");
                }
                texts.add(input.get(i).textValue());
            }
        } else {
            throw invalid("input", "'input' must be a string, an array of strings, an array of token ids "
                    + "or an array of token id arrays, and not empty.");
        }
        int count = texts != null ? texts.size() : tokens.size();
        if (count > MAX_INPUTS) {
            throw invalid("input", "'input' has " + count + " items; at most " + MAX_INPUTS + " per request.");
        }
        return new EmbeddingRequest(model, texts, tokens, "base64".equals(format),
                Fields.optionalInt(body, "dimensions", 1), Fields.optionalText(body, "user"), extra);
    }

    private static int[] tokenArray(JsonNode array, String path) {
        if (!array.isArray() || array.isEmpty()) {
            throw invalid(path, "'" + path + "' must be a non-empty array of token ids.");
        }
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode t = array.get(i);
            if (!t.isIntegralNumber() || !t.canConvertToInt() || t.intValue() < 0) {
                throw invalid(path + "[" + i + "]", "'" + path + "[" + i + "]' must be a token id (an integer >= 0).");
            }
            ids[i] = t.intValue();
        }
        return ids;
    }
}
