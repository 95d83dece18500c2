package dev.tollgate.provider.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.provider.UpstreamCall.ErrorDetail;
import dev.tollgate.provider.UpstreamErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AzureErrorsTest {

    static byte[] fixture(String name) {
        try (InputStream in = AzureErrorsTest.class.getResourceAsStream("/azure/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GatewayException mapped(int status, byte[] body) {
        ErrorDetail d = AzureErrors.parse(body);
        return UpstreamErrors.fromStatus("azure", status, d.message(), d.code(), null);
    }

    @Test
    void mapsTheContentFilterErrorToContentPolicy() {
        GatewayException e = mapped(400, fixture("content_filter_error.json"));
        assertEquals(ErrorKind.CONTENT_POLICY, e.kind());
        assertEquals("content_policy_violation", e.kind().defaultCode());
        assertTrue(e.getMessage().contains("content management policy"), e.getMessage());
    }

    @Test
    void mapsAResponsibleAiInnerErrorToContentPolicyWhateverTheOuterCode() {
        ErrorDetail d = AzureErrors.parse(fixture("inner_error_only.json"));
        assertEquals(AzureErrors.CONTENT_FILTER, d.code());
        assertEquals(ErrorKind.CONTENT_POLICY, mapped(400, fixture("inner_error_only.json")).kind());
    }

    @Test
    void keepsOtherErrorsAsOpenAiReadsThem() {
        ErrorDetail d = AzureErrors.parse(fixture("deployment_not_found.json"));
        assertEquals("DeploymentNotFound", d.code());
        assertEquals(ErrorKind.NOT_FOUND, mapped(404, fixture("deployment_not_found.json")).kind());
        assertEquals(ErrorKind.INVALID_REQUEST, mapped(400,
                "{\"error\":{\"message\":\"bad field\",\"code\":null}}".getBytes(StandardCharsets.UTF_8)).kind());
    }

    @Test
    void readsAPlainTextBody() {
        assertEquals("upstream connect error", AzureErrors.parse("upstream connect error".getBytes(StandardCharsets.UTF_8))
                .message());
    }
}
