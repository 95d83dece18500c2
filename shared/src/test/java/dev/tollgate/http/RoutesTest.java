package dev.tollgate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import org.junit.jupiter.api.Test;

class RoutesTest {
    private final Handler exact = ex -> { };
    private final Handler template = ex -> { };

    @Test
    void aTemplateMatchesOneSegmentAndAnExactPathWinsOverIt() {
        Routes routes = new Routes().add("POST", "/key/regenerate", exact)
                .addTemplate("POST", "/key/{key}/regenerate", template);
        assertSame(exact, routes.find("POST", "/key/regenerate"));
        assertSame(template, routes.find("POST", "/key/sk-abc/regenerate"));
        assertEquals(ErrorKind.NOT_FOUND,
                assertThrows(GatewayException.class, () -> routes.find("POST", "/key/a/b/regenerate")).kind());
        assertEquals(ErrorKind.METHOD_NOT_ALLOWED,
                assertThrows(GatewayException.class, () -> routes.find("GET", "/key/sk-abc/regenerate")).kind());
    }

    @Test
    void templatesCarryOverInAddAll() {
        Routes routes = new Routes().addAll(new Routes().addTemplate("POST", "/key/{key}/regenerate", template));
        assertSame(template, routes.find("POST", "/key/x/regenerate"));
    }

    @Test
    void segmentIsTheVariablePartOrNull() {
        assertEquals("sk-1", Routes.segment("/key/sk-1/regenerate", "/key/", "/regenerate"));
        assertNull(Routes.segment("/key//regenerate", "/key/", "/regenerate"));
        assertNull(Routes.segment("/key/regenerate", "/key/", "/regenerate"));
        assertNull(Routes.segment("/team/x/regenerate", "/key/", "/regenerate"));
    }
}
