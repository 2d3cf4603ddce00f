package io.dsm.provisioning.service;

import java.util.List;

import io.dsm.acceptance.service.AcceptanceRules;
import io.dsm.datasource.DataSourceInput;

/** One data source a file declares, with its accepted findings and the line its entry starts on. */
record DeclaredSource(DataSourceInput input, List<AcceptanceRules.Accepted> acceptances, int line) {

    DeclaredSource {
        acceptances = List.copyOf(acceptances);
    }

    String identifier() {
        return input.identifier();
    }
}
