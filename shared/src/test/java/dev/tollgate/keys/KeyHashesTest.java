package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyHashesTest {
    @Test
    void newKeysAreSkAnd43Base62CharactersAndDiffer() {
        String key = KeyHashes.newKey();
        assertTrue(key.matches("sk-[0-9A-Za-z]{43}"), key);
        assertNotEquals(key, KeyHashes.newKey());
    }

    @Test
    void hashIsLowercaseHexSha256() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", KeyHashes.hash("hello"));
    }

    @Test
    void acceptsAPlainKeyOrItsHash() {
        String hash = KeyHashes.hash("sk-abc");
        assertEquals(hash, KeyHashes.hashOfKeyOrHash("sk-abc"));
        assertEquals(hash, KeyHashes.hashOfKeyOrHash(hash));
        assertFalse(KeyHashes.isHash("sk-abc"));
    }

    @Test
    void masksAllButTheLastFourCharacters() {
        assertEquals("sk-...WXYZ", KeyHashes.mask("sk-abcdefWXYZ"));
    }
}
