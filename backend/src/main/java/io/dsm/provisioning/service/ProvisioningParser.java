package io.dsm.provisioning.service;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.acceptance.service.AcceptanceRules;
import io.dsm.common.problem.ProblemException;
import io.dsm.datasource.DataSourceInput;
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
    /** The catalogue's sentence for a key that is not a field of a data source. */
    private static final String DATA_SOURCE = "provisioning.unknown-field";
    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "prune", "dataSources");
    /** The largest file read; ProvisioningDirectory refuses a larger one without reading it. */
    static final int MAX_BYTES = 1024 * 1024;
    /** At most one collection alias per data source field would be plenty; each use is bounded again by PlainValues. */
    private static final int MAX_COLLECTION_ALIASES = 10;
    /** Errors beyond these are counted, not listed: what a file's status holds stays small whatever the file. */
    static final int MAX_ERRORS = 100;

    private final DataSourceRules rules;
    private final ObjectMapper json;
    private final AcceptedFindings acceptedFindings;

    public ProvisioningParser(DataSourceRules rules, AcceptanceRules acceptanceRules, ObjectMapper json) {
        this.rules = rules;
        // Unknown fields are reported by unknown(), beside every other error of the entry.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES);
        this.acceptedFindings = new AcceptedFindings(acceptanceRules, this.json);
    }

    ParsedFile parse(String name, byte[] bytes, String checksum) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return ParsedFile.failed(name, checksum, ProvisioningError.of(null, null, "provisioning.not-utf8"));
        }
        try {
            return parse(name, checksum, compose(text));
        } catch (PlainValues.Refused e) {
            return ParsedFile.failed(name, checksum, e.error());
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return ParsedFile.failed(name, checksum, ProvisioningError.of(line == 0 ? null : line, null,
                    "provisioning.not-yaml", String.valueOf(e.getProblem())));
        } catch (YAMLException e) {
            return ParsedFile.failed(name, checksum, ProvisioningError.of(null, null, "provisioning.not-yaml", String.valueOf(e.getMessage())));
        }
    }

    /** The document's nodes, lines kept, aliases not expanded; only composing, never constructing, so no tag makes objects. */
    private static Node compose(String text) {
        LoaderOptions options = loaderOptions();
        return new Composer(new BoundedEvents(new ParserImpl(new StreamReader(text), options)), new Resolver(), options).getSingleNode();
    }

    /**
     * What SnakeYAML may read: no recursive keys, at most {@link #MAX_COLLECTION_ALIASES} aliases of
     * lists and mappings, and no more code points than the file may have bytes. Its nesting limit is
     * the same as {@link BoundedEvents}' (which says first, and where): a second guard, not a second rule.
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(PlainValues.MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        return options;
    }

    private ParsedFile parse(String name, String checksum, Node root) {
        List<ProvisioningError> errors = new ArrayList<>();
        PlainValues values = new PlainValues();
        if (!(root instanceof MappingNode document)) {
            return ParsedFile.failed(name, checksum, ProvisioningError.of(root == null ? null : line(root), null,
                    "provisioning.not-a-mapping", API_VERSION));
        }
        Map<String, Node> top = entries(document, "", errors);
        top.keySet().stream().filter(key -> !TOP_LEVEL.contains(key)).forEach(key -> errors.add(
                ProvisioningError.of(line(top.get(key)), PlainValues.shown(key), "provisioning.unknown-top-field")));
        Node version = top.get("apiVersion");
        if (version == null || !(version instanceof ScalarNode scalar) || !API_VERSION.equals(scalar.getValue())) {
            errors.add(ProvisioningError.of(version == null ? line(document) : line(version), "apiVersion", "provisioning.api-version", API_VERSION));
        }
        boolean prune = false;
        Node pruneNode = top.get("prune");
        if (pruneNode != null) {
            Object value = PlainValues.plain(pruneNode);
            if ("true".equals(value) || "false".equals(value)) {
                prune = Boolean.parseBoolean((String) value);
            } else {
                errors.add(ProvisioningError.of(line(pruneNode), "prune", "violation.json.boolean"));
            }
        }
        List<DeclaredSource> sources = new ArrayList<>();
        Node list = top.get("dataSources");
        if (list == null) {
            errors.add(ProvisioningError.of(line(document), "dataSources", "provisioning.data-sources.required"));
        } else if (!(list instanceof SequenceNode sequence)) {
            errors.add(ProvisioningError.of(line(list), "dataSources", "provisioning.data-sources.list"));
        } else {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                declared(sequence.getValue().get(i), "dataSources[" + i + "]", values, errors).ifPresent(sources::add);
            }
            duplicates(sources, errors);
        }
        return new ParsedFile(name, checksum, prune, errors.isEmpty() ? List.copyOf(sources) : List.of(), capped(errors));
    }

    private static List<ProvisioningError> capped(List<ProvisioningError> errors) {
        if (errors.size() <= MAX_ERRORS) {
            return List.copyOf(errors);
        }
        List<ProvisioningError> listed = new ArrayList<>(errors.subList(0, MAX_ERRORS - 1));
        listed.add(ProvisioningError.of(null, null, "provisioning.more-errors", errors.size() - listed.size()));
        return List.copyOf(listed);
    }

    private java.util.Optional<DeclaredSource> declared(Node node, String path, PlainValues values, List<ProvisioningError> errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(ProvisioningError.of(line(node), path, "provisioning.entry.mapping"));
            return java.util.Optional.empty();
        }
        Map<String, Integer> lines = new HashMap<>();
        Object plain = values.of(mapping, lines);
        int before = errors.size();
        if (lines.containsKey("version")) {
            errors.add(ProvisioningError.of(lines.get("version"), path + ".version",
                    "provisioning.version"));
        }
        unknownFields(plain, path, lines, errors);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) plain);
        fields.remove("version");
        List<AcceptanceRules.Accepted> accepted = acceptedFindings.of(fields.remove(AcceptedFindings.FIELD), path, lines, line(node),
                Instant.now(), errors);
        DataSourceInput input;
        try {
            input = json.convertValue(fields, DataSourceInput.class);
        } catch (IllegalArgumentException e) {
            String field = fieldOf(e);
            errors.add(ProvisioningError.of(lines.getOrDefault(field, line(node)), path + (field.isEmpty() ? "" : "." + field),
                    "provisioning.wrong-type"));
            return java.util.Optional.empty();
        }
        try {
            rules.check(input, Purpose.CREATE);
        } catch (ProblemException e) {
            e.violations().forEach(violation -> errors.add(new ProvisioningError(
                    lines.getOrDefault(violation.field(), line(node)), path + "." + violation.field(), violation.message())));
        }
        return errors.size() == before ? java.util.Optional.of(new DeclaredSource(input, accepted, line(node))) : java.util.Optional.empty();
    }

    /** The fields of an entry, its standby and its tls that the API's input does not have (acceptedFindings: see there). */
    private static void unknownFields(Object entry, String path, Map<String, Integer> lines, List<ProvisioningError> errors) {
        unknown(entry, DataSourceInput.class, "", path, lines, DATA_SOURCE, errors);
        if (entry instanceof Map<?, ?> fields) {
            unknown(fields.get("standby"), io.dsm.datasource.StandbyInput.class, "standby.", path, lines, DATA_SOURCE, errors);
            unknown(fields.get("tls"), io.dsm.datasource.TlsSettings.class, "tls.", path, lines, DATA_SOURCE, errors);
        }
    }

    /** The keys of {@code value} that are not fields of {@code type}, each an error saying so with {@code unknownFieldKey}. */
    static void unknown(Object value, Class<? extends Record> type, String prefix, String path, Map<String, Integer> lines,
            String unknownFieldKey, List<ProvisioningError> errors) {
        if (!(value instanceof Map<?, ?> fields)) {
            return;
        }
        Set<String> known = java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .collect(java.util.stream.Collectors.toSet());
        for (Object key : fields.keySet()) {
            String field = prefix + PlainValues.shown(String.valueOf(key));
            if (!known.contains(String.valueOf(key)) && !field.equals("version") && !field.equals(AcceptedFindings.FIELD)) {
                errors.add(ProvisioningError.of(lines.get(field), path + "." + field, unknownFieldKey));
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
                errors.add(ProvisioningError.of(source.line(), "dataSources[" + i + "].identifier",
                        "provisioning.declared-twice", first.line()));
            }
        }
    }

    private static Map<String, Node> entries(MappingNode mapping, String path, List<ProvisioningError> errors) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), tuple.getValueNode());
            } else {
                errors.add(ProvisioningError.of(line(tuple.getKeyNode()), path, "provisioning.key-not-plain"));
            }
        }
        return entries;
    }

    static String fieldOf(IllegalArgumentException e) {
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
        return PlainValues.line(node);
    }
}
