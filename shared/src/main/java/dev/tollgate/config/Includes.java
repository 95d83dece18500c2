package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * LiteLLM's top-level {@code include}: a file name or a list of them, relative to the config
 * file's directory. Each included file's keys are merged into the config in order, the LiteLLM way:
 * a list extends the config's list of the same key (so included model_list entries come after the
 * config's own), any other value replaces the config's. Included files' own includes are not
 * followed, as in LiteLLM.
 */
final class Includes {
    private Includes() {
    }

    static void apply(ObjectNode root, Path baseDir, Warnings warnings) {
        JsonNode include = root.remove("include");
        if (include == null || include.isNull()) {
            return;
        }
        List<String> paths = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (include.isTextual()) {
            paths.add("include");
            names.add(include.textValue());
        } else if (include.isArray()) {
            for (int i = 0; i < include.size(); i++) {
                JsonNode item = include.get(i);
                if (!item.isTextual() || item.textValue().isBlank()) {
                    throw ConfigException.at("include[" + i + "]", "expected a file name, got " + Values.describe(item));
                }
                paths.add("include[" + i + "]");
                names.add(item.textValue());
            }
        } else {
            throw ConfigException.at("include", "expected a file name or a list of them, got " + Values.describe(include));
        }
        if (baseDir == null && !names.isEmpty()) {
            throw ConfigException.at("include", "files can only be included by a config read from a file");
        }
        for (int i = 0; i < names.size(); i++) {
            Path file = baseDir.resolve(names.get(i)).normalize();
            String text = ConfigLoader.readFile(file, paths.get(i) + ": ");
            merge(root, YamlTree.readMapping(text, file.toString(), warnings), file, warnings);
        }
    }

    private static void merge(ObjectNode root, ObjectNode included, Path file, Warnings warnings) {
        if (included.remove("include") != null) {
            warnings.add(file + ": include inside an included file is not followed (nor is it by LiteLLM)");
        }
        included.properties().forEach(e -> {
            JsonNode existing = root.get(e.getKey());
            if (e.getValue().isArray() && existing != null && existing.isArray()) {
                ((ArrayNode) existing).addAll((ArrayNode) e.getValue());
                return;
            }
            if (existing != null && !existing.isNull()) {
                warnings.add(file + ": its " + e.getKey() + " replaces the one in the including config");
            }
            root.set(e.getKey(), e.getValue());
        });
    }
}
