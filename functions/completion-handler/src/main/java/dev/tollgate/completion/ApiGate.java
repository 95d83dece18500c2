package dev.tollgate.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.http.Exchange;
import dev.tollgate.http.JsonBodies;
import dev.tollgate.keys.MasterKeyAuth;
import java.io.IOException;

/**
 * What every OpenAI endpoint does before its own work: check the caller's key, then read the body
 * as JSON within the size limit. One place, so key checks grow here and nowhere else.
 */
final class ApiGate {
    private final MasterKeyAuth auth;
    private final long maxBodyBytes;

    ApiGate(MasterKeyAuth auth, long maxBodyBytes) {
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Checks the key only, for endpoints without a body. */
    void admit(Exchange ex) {
        auth.check(ex);
    }

    /** Checks the key, then returns the JSON body. */
    JsonNode admitJson(Exchange ex) throws IOException {
        auth.check(ex);
        return JsonBodies.readJson(ex, maxBodyBytes);
    }
}
