package io.dsm.provisioning.service;

import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.problem.ProblemException;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.datasource.service.DataSourceRules;
import io.dsm.datasource.service.DataSourceRules.Purpose;

/**
 * Reads a provisioning file: YAML into nodes that keep their lines, each entry into the API's input
 * with the API's rules and words, every error with its line and field. Nothing is interpolated: a
 * value is exactly what the file says.
 */
@Singleton
public class ProvisioningParser {

    static final String API_VERSION = "dsm/v1";
    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "prune", "dataSources");
    private static final int MAX_BYTES = 1024 * 1024;

    private final DataSourceRules rules;
    private final ObjectMapper json;

    public ProvisioningParser(DataSourceRules rules, ObjectMapper json) {
        this.rules = rules;
        // Unknown fields are reported by unknownFields(), beside every other error of the entry.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES);
    }

    ParsedFile parse(String name, byte[] bytes, String checksum) {
        List<ProvisioningError> errors = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            return failed(name, checksum, new ProvisioningError(null, null, "is larger than 1 MiB"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(name, checksum, new ProvisioningError(null, null, "is not UTF-8 text"));
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return failed(name, checksum, new ProvisioningError(line == 0 ? null : line, null,
                    "is not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            return failed(name, checksum, new ProvisioningError(null, null, "is not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof MappingNode document)) {
            return failed(name, checksum, new ProvisioningError(root == null ? null : line(root), null,
                    "must be a mapping with apiVersion: " + API_VERSION + " and dataSources"));
        }
        Map<String, Node> top = entries(document, "", errors);
        top.keySet().stream().filter(key -> !TOP_LEVEL.contains(key)).forEach(key -> errors.add(
                new ProvisioningError(line(top.get(key)), key, "is not a field of a provisioning file (apiVersion, prune, dataSources)")));
        Node version = top.get("apiVersion");
        if (version == null || !(version instanceof ScalarNode scalar) || !API_VERSION.equals(scalar.getValue())) {
            errors.add(new ProvisioningError(version == null ? line(document) : line(version), "apiVersion", "must be " + API_VERSION));
        }
        boolean prune = false;
        Node pruneNode = top.get("prune");
        if (pruneNode != null) {
            Object value = plain(pruneNode);
            if ("true".equals(value) || "false".equals(value)) {
                prune = Boolean.parseBoolean((String) value);
            } else {
                errors.add(new ProvisioningError(line(pruneNode), "prune", "must be true or false"));
            }
        }
        List<DeclaredSource> sources = new ArrayList<>();
        Node list = top.get("dataSources");
        if (list == null) {
            errors.add(new ProvisioningError(line(document), "dataSources", "is required (an empty list [] declares none)"));
        } else if (!(list instanceof SequenceNode sequence)) {
            errors.add(new ProvisioningError(line(list), "dataSources", "must be a list of data sources (write [] for none)"));
        } else {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                declared(sequence.getValue().get(i), "dataSources[" + i + "]", errors).ifPresent(sources::add);
            }
            duplicates(sources, errors);
        }
        return new ParsedFile(name, checksum, prune, errors.isEmpty() ? List.copyOf(sources) : List.of(), List.copyOf(errors));
    }

    private java.util.Optional<DeclaredSource> declared(Node node, String path, List<ProvisioningError> errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(new ProvisioningError(line(node), path, "must be a mapping of a data source's fields"));
            return java.util.Optional.empty();
        }
        Map<String, Integer> lines = new HashMap<>();
        Object plain = plain(mapping, "", lines);
        int before = errors.size();
        if (lines.containsKey("version")) {
            errors.add(new ProvisioningError(lines.get("version"), path + ".version",
                    "is not used in provisioning files: the file is the version"));
        }
        unknownFields(plain, path, lines, errors);
        DataSourceInput input;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) plain);
            fields.remove("version");
            input = json.convertValue(fields, DataSourceInput.class);
        } catch (IllegalArgumentException e) {
            String field = fieldOf(e);
            errors.add(new ProvisioningError(lines.getOrDefault(field, line(node)), path + (field.isEmpty() ? "" : "." + field),
                    "has the wrong type for this field"));
            return java.util.Optional.empty();
        }
        try {
            rules.check(input, Purpose.CREATE);
        } catch (ProblemException e) {
            e.toProblem().violations().forEach(violation -> errors.add(new ProvisioningError(
                    lines.getOrDefault(violation.field(), line(node)), path + "." + violation.field(), violation.message())));
        }
        return errors.size() == before ? java.util.Optional.of(new DeclaredSource(input, line(node))) : java.util.Optional.empty();
    }

    /** The fields of an entry, its standby and its tls that the API's input does not have. */
    private static void unknownFields(Object entry, String path, Map<String, Integer> lines, List<ProvisioningError> errors) {
        unknown(entry, DataSourceInput.class, "", path, lines, errors);
        if (entry instanceof Map<?, ?> fields) {
            unknown(fields.get("standby"), io.dsm.datasource.api.StandbyInput.class, "standby.", path, lines, errors);
            unknown(fields.get("tls"), io.dsm.datasource.api.TlsSettings.class, "tls.", path, lines, errors);
        }
    }

    private static void unknown(Object value, Class<? extends Record> type, String prefix, String path, Map<String, Integer> lines,
            List<ProvisioningError> errors) {
        if (!(value instanceof Map<?, ?> fields)) {
            return;
        }
        Set<String> known = java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .collect(java.util.stream.Collectors.toSet());
        for (Object key : fields.keySet()) {
            String field = prefix + key;
            if (!known.contains(String.valueOf(key)) && !field.equals("version")) {
                errors.add(new ProvisioningError(lines.get(field), path + "." + field, "is not a field of a data source"));
            }
        }
    }

    /** An identifier declared twice in one file (ignoring case, like the registry) is an error at its second place. */
    private static void duplicates(List<DeclaredSource> sources, List<ProvisioningError> errors) {
        Map<String, DeclaredSource> seen = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            DeclaredSource source = sources.get(i);
            DeclaredSource first = seen.putIfAbsent(source.identifier().toLowerCase(Locale.ROOT), source);
            if (first != null) {
                errors.add(new ProvisioningError(source.line(), "dataSources[" + i + "].identifier",
                        "is declared twice in this file (first on line " + first.line() + ")"));
            }
        }
    }

    private static Map<String, Node> entries(MappingNode mapping, String path, List<ProvisioningError> errors) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), tuple.getValueNode());
            } else {
                errors.add(new ProvisioningError(line(tuple.getKeyNode()), path, "has a key that is not a plain name"));
            }
        }
        return entries;
    }

    /** The node as plain values (maps, lists, strings, numbers, booleans, null), each field's line kept by its path. */
    private static Object plain(Node node, String path, Map<String, Integer> lines) {
        if (!path.isEmpty()) {
            lines.put(path, line(node));
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(line(tuple.getKeyNode()));
                map.put(key, plain(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key, lines));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                items.add(plain(sequence.getValue().get(i), path + "[" + i + "]", lines));
            }
            return items;
        }
        return plain(node);
    }

    /**
     * A scalar exactly as written, or null: YAML's implicit types would turn a password 0123 into 123
     * or yes into true; the API's own conversion makes numbers and booleans of the fields that are.
     */
    private static Object plain(Node node) {
        if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(scalar.getTag())) {
            return null;
        }
        return scalar.getValue();
    }

    private static String fieldOf(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "";
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static ParsedFile failed(String name, String checksum, ProvisioningError error) {
        return new ParsedFile(name, checksum, false, List.of(), List.of(error));
    }
}
