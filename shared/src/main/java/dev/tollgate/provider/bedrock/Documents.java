package dev.tollgate.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * Jackson trees to the SDK's {@link Document} and back, numbers kept exact: integers stay
 * integers (however large), decimals keep their digits.
 */
final class Documents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Documents() {
    }

    static Document toDocument(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Document.fromNull();
        }
        if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toDocument(e.getValue())));
            return Document.fromMap(map);
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toDocument(item)));
            return Document.fromList(list);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return Document.fromNumber(SdkNumber.fromBigInteger(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
        }
        return Document.fromString(node.asText());
    }

    static JsonNode toJson(Document doc) {
        if (doc == null || doc.isNull()) {
            return NODES.nullNode();
        }
        if (doc.isMap()) {
            ObjectNode object = NODES.objectNode();
            doc.asMap().forEach((k, v) -> object.set(k, toJson(v)));
            return object;
        }
        if (doc.isList()) {
            ArrayNode array = NODES.arrayNode();
            doc.asList().forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (doc.isBoolean()) {
            return NODES.booleanNode(doc.asBoolean());
        }
        if (doc.isNumber()) {
            return number(doc.asNumber());
        }
        return NODES.textNode(doc.asString());
    }

    private static JsonNode number(SdkNumber n) {
        BigDecimal d = new BigDecimal(n.stringValue());
        if (d.scale() <= 0 && !n.stringValue().contains(".") && !n.stringValue().toLowerCase().contains("e")) {
            return NODES.numberNode(d.toBigIntegerExact());
        }
        return NODES.numberNode(d);
    }
}
