package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML text to a Jackson tree, read the way LiteLLM's {@code yaml.safe_load} reads it (YAML 1.1:
 * anchors, aliases and {@code <<} merge keys work; {@code yes}/{@code on} are booleans), with floats
 * kept exact as BigDecimal and dates kept as text. SnakeYAML is used directly because Jackson's YAML
 * tree reader turns an alias into the anchor's name and keeps {@code <<} as a plain key.
 * Duplicate keys keep the last value, as in LiteLLM, with a warning.
 */
final class YamlTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private YamlTree() {
    }

    /**
     * The document's top-level mapping. {@code source} (a file name, or null) prefixes syntax
     * errors and warnings. Error messages carry the problem and its line and column, never the
     * offending line itself, which may hold a key.
     */
    static ObjectNode readMapping(String yaml, String source, Warnings warnings) {
        String where = source == null ? "" : source + ": ";
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setWarnOnDuplicateKeys(false);
        SafeLoader constructor = new SafeLoader(options, where, warnings);
        Object document;
        try {
            document = new Yaml(constructor).load(yaml);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(where + "invalid YAML" + at(e.getProblemMark()) + ": " + problem(e));
        } catch (YAMLException e) {
            throw new ConfigException(where + "invalid YAML: " + firstLine(e.getMessage()));
        }
        if (document == null) {
            throw new ConfigException(where + "the config is empty (expected a mapping with model_list)");
        }
        JsonNode tree = toJson(document, Collections.newSetFromMap(new IdentityHashMap<>()), where);
        if (!tree.isObject()) {
            throw new ConfigException(where + "expected a mapping at the top level, got " + Values.typeName(tree));
        }
        return (ObjectNode) tree;
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : firstLine(e.getProblem());
        return e.getContext() == null ? problem : problem + " (" + firstLine(e.getContext()) + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static JsonNode toJson(Object value, Set<Object> open, String where) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case BigInteger b -> NODES.numberNode(b);
            case BigDecimal d -> NODES.numberNode(d);
            case Double d -> NODES.numberNode(d);
            case byte[] bytes -> NODES.binaryNode(bytes);
            case Map<?, ?> map -> enter(open, map, where, () -> {
                ObjectNode obj = NODES.objectNode();
                map.forEach((k, v) -> obj.set(String.valueOf(k), toJson(v, open, where)));
                return obj;
            });
            case Collection<?> items -> enter(open, items, where, () -> {
                ArrayNode arr = NODES.arrayNode();
                items.forEach(v -> arr.add(toJson(v, open, where)));
                return arr;
            });
            default -> NODES.textNode(value.toString());
        };
    }

    private static JsonNode enter(Set<Object> open, Object container, String where, Supplier<JsonNode> build) {
        if (!open.add(container)) {
            throw new ConfigException(where + "invalid YAML: an alias refers to a value that contains it");
        }
        try {
            return build.get();
        } finally {
            open.remove(container);
        }
    }

    /** SafeConstructor with exact floats, dates as text, and duplicate keys reported. */
    private static final class SafeLoader extends SafeConstructor {
        private final String where;
        private final Warnings warnings;

        SafeLoader(LoaderOptions options, String where, Warnings warnings) {
            super(options);
            this.where = where;
            this.warnings = warnings;
            Construct doubles = yamlConstructors.get(Tag.FLOAT);
            yamlConstructors.put(Tag.FLOAT, new ExactFloat(doubles));
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        @Override
        protected void processDuplicateKeys(MappingNode node, boolean forceStringKeys) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : node.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !Tag.MERGE.equals(key.getTag())
                        && !seen.add(key.getValue())) {
                    warnings.add(where + "duplicate key \"" + key.getValue() + "\"" + at(key.getStartMark())
                            + ": the last one wins, as in LiteLLM");
                }
            }
            super.processDuplicateKeys(node, forceStringKeys);
        }
    }

    /** {@code !!float} as an exact BigDecimal; {@code .inf}, {@code .nan} and 1:30.5 as doubles. */
    private static final class ExactFloat extends AbstractConstruct {
        private final Construct fallback;

        ExactFloat(Construct fallback) {
            this.fallback = fallback;
        }

        @Override
        public Object construct(Node node) {
            String text = ((ScalarNode) node).getValue().replace("_", "");
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return fallback.construct(node);
            }
        }
    }
}
