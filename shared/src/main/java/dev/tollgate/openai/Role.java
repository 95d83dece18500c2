package dev.tollgate.openai;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Role {
    SYSTEM("system"), DEVELOPER("developer"), USER("user"), ASSISTANT("assistant"), TOOL("tool");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The role for a wire name, or null when there is none. */
    public static Role fromWire(String name) {
        for (Role r : values()) {
            if (r.wire.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
