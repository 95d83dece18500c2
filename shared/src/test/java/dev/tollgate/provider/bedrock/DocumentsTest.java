package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;

class DocumentsTest {

    @Test
    void roundTripsNestedJsonWithExactNumbers() {
        JsonNode json = BedrockFixtures.tree("""
                {"big":123456789012345678901234567890,"pi":3.141592653589793238,"neg":-7,"zero":0,
                 "ok":false,"none":null,"s":"日本","list":[1,2.50,{"x":[]}],"obj":{}}""");
        assertEquals(json.toString(), Documents.toJson(Documents.toDocument(json)).toString());
    }

    @Test
    void keepsIntegersIntegral() {
        Document d = Documents.toDocument(BedrockFixtures.tree("{\"n\":42}"));
        assertTrue(Documents.toJson(d).path("n").isIntegralNumber());
        assertEquals("{\"n\":42}", Documents.toJson(d).toString());
    }
}
