package io.dsm.provisioning.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.acceptance.AcceptanceInput;
import io.dsm.acceptance.service.AcceptanceRules;
import io.dsm.common.problem.ProblemException;

/**
 * A data source's {@code acceptedFindings} in a provisioning file: each entry read as the API's acceptance
 * input and checked by the API's rules, every error with its line and its path
 * ({@code dataSources[0].acceptedFindings[1].reason}).
 */
final class AcceptedFindings {

    static final String FIELD = "acceptedFindings";

    private final AcceptanceRules rules;
    private final ObjectMapper json;

    AcceptedFindings(AcceptanceRules rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
    }

    /**
     * @param value the entry's acceptedFindings as plain values (absent or null: none)
     * @param lines the entry's lines by path, as {@link PlainValues} keeps them
     */
    List<AcceptanceRules.Accepted> of(Object value, String path, Map<String, Integer> lines, int entryLine, Instant now,
            List<ProvisioningError> errors) {
        if (value == null) {
            return List.of();
        }
        int listLine = lines.getOrDefault(FIELD, entryLine);
        if (!(value instanceof List<?> items)) {
            errors.add(ProvisioningError.of(listLine, path + "." + FIELD, "provisioning.accepted-findings.not-a-list"));
            return List.of();
        }
        List<AcceptanceRules.Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = FIELD + "[" + i + "]";
            int line = lines.getOrDefault(at, listLine);
            if (!(items.get(i) instanceof Map<?, ?> fields)) {
                errors.add(ProvisioningError.of(line, path + "." + at, "provisioning.accepted-findings.not-a-mapping"));
                continue;
            }
            int before = errors.size();
            ProvisioningParser.unknown(fields, AcceptanceInput.class, at + ".", path, lines, "provisioning.unknown-field.accepted-finding", errors);
            AcceptanceInput input;
            try {
                input = json.convertValue(fields, AcceptanceInput.class);
            } catch (IllegalArgumentException e) {
                String inner = ProvisioningParser.fieldOf(e);
                String field = inner.isEmpty() ? at : at + "." + inner;
                errors.add(ProvisioningError.of(lines.getOrDefault(field, line), path + "." + field, "provisioning.wrong-type"));
                continue;
            }
            try {
                AcceptanceRules.Accepted checked = rules.check(input, now);
                if (errors.size() == before) {
                    accepted.add(checked);
                }
            } catch (ProblemException e) {
                e.violations().forEach(violation -> errors.add(new ProvisioningError(
                        lines.getOrDefault(at + "." + violation.field(), line), path + "." + at + "." + violation.field(),
                        violation.message())));
            }
        }
        return accepted;
    }
}
