package io.dsm.provisioning.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A provisioning file's YAML nodes as plain values (maps, lists, strings, null), walked within
 * bounds, so that no file can make dsm recurse or allocate without end. SnakeYAML composes an alias
 * as the very node it names, so the nodes form a graph: an alias used inside the node it names
 * (YAML allows it) would be walked forever, and a few nested aliases (billion laughs) would be
 * walked an exponential number of times. So a node is never walked inside itself, and the data
 * sources of a file, an alias counted at every use, hold at most {@link #MAX_VALUES} values,
 * {@link #MAX_DEPTH} deep. {@link BoundedEvents} holds the nodes composed to the same bounds, aliases
 * counted once. One instance per file.
 */
final class PlainValues {

    /** Far more than any file of data sources needs (one has about 15 values), far less than a heap fills with. */
    static final int MAX_VALUES = 100_000;
    /** SnakeYAML's default bound on how deep a document nests, kept; aliases could nest deeper without this walk's. */
    static final int MAX_DEPTH = 50;
    /**
     * The only paths an error names: a data source's fields, those of its standby and tls, and those of each
     * of its acceptedFindings down to their objects ({@code acceptedFindings[1].objects[0]}).
     */
    private static final int PATH_LEVELS = 4;
    /** A key longer than any field's name is shown cut, so that a path stays short however long the key. */
    private static final int MAX_KEY_SHOWN = 64;

    private final Set<Node> walking = Collections.newSetFromMap(new IdentityHashMap<>());
    private int values;

    /** A file beyond a bound, or ambiguous: one error for the whole file, at the line where it went wrong (0: unknown). */
    static final class Refused extends RuntimeException {
        private final transient ProvisioningError error;

        private Refused(int line, String key, Object... args) {
            this(ProvisioningError.of(line == 0 ? null : line, null, key, args));
        }

        private Refused(ProvisioningError error) {
            super(error.message().english(), null, false, false);
            this.error = error;
        }

        static Refused tooMany(int line) {
            return new Refused(line, "provisioning.too-many-values", MAX_VALUES);
        }

        static Refused duplicateKey(int line, String key) {
            return new Refused(line, "provisioning.duplicate-key", key);
        }

        static Refused tooDeep(int line) {
            return new Refused(line, "provisioning.too-deep", MAX_DEPTH);
        }

        ProvisioningError error() {
            return error;
        }
    }

    /**
     * The node as plain values, each field's line kept by its path ({@code port}, {@code standby.host}).
     *
     * @throws Refused when the file goes beyond a bound
     */
    Object of(Node node, Map<String, Integer> lines) {
        return plain(node, "", 0, lines);
    }

    private Object plain(Node node, String path, int depth, Map<String, Integer> lines) {
        if (++values > MAX_VALUES) {
            throw Refused.tooMany(line(node));
        }
        if (depth > MAX_DEPTH) {
            throw Refused.tooDeep(line(node));
        }
        if (path != null && depth > 0) {
            lines.put(path, line(node));
        }
        if (!(node instanceof MappingNode) && !(node instanceof SequenceNode)) {
            return plain(node);
        }
        if (!walking.add(node)) {
            throw new Refused(line(node), "provisioning.self-alias");
        }
        try {
            return node instanceof MappingNode mapping ? map(mapping, path, depth, lines) : list((SequenceNode) node, path, depth, lines);
        } finally {
            walking.remove(node);
        }
    }

    private Map<String, Object> map(MappingNode mapping, String path, int depth, Map<String, Integer> lines) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(line(tuple.getKeyNode()));
            String child = depth < PATH_LEVELS && path != null ? (path.isEmpty() ? shown(key) : path + "." + shown(key)) : null;
            if (map.containsKey(key)) {
                throw Refused.duplicateKey(line(tuple.getKeyNode()), shown(key));
            }
            map.put(key, plain(tuple.getValueNode(), child, depth + 1, lines));
        }
        return map;
    }

    private List<Object> list(SequenceNode sequence, String path, int depth, Map<String, Integer> lines) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            String child = depth < PATH_LEVELS && path != null ? path + "[" + i + "]" : null;
            items.add(plain(sequence.getValue().get(i), child, depth + 1, lines));
        }
        return items;
    }

    /**
     * A scalar exactly as written, or null: YAML's implicit types would turn a password 0123 into 123
     * or yes into true; the API's own conversion makes numbers and booleans of the fields that are.
     */
    static Object plain(Node node) {
        if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(scalar.getTag())) {
            return null;
        }
        return scalar.getValue();
    }

    /** A key as a path shows it: cut when it is longer than any field's name. */
    static String shown(String key) {
        return key.length() <= MAX_KEY_SHOWN ? key : key.substring(0, MAX_KEY_SHOWN) + "…";
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
