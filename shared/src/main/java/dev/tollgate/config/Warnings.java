package dev.tollgate.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the non-fatal findings of one load, in the order met. */
final class Warnings {
    private final List<String> items = new ArrayList<>();

    void add(String warning) {
        items.add(warning);
    }

    void unknownKey(String path) {
        items.add("unknown key " + path + " (ignored)");
    }

    List<String> list() {
        return List.copyOf(items);
    }
}
