package io.dsm.provisioning.service;

import java.util.List;

/** A provisioning error as an English reader sees it: what the parser's tests compare. */
record ShownError(Integer line, String field, String message) {

    static List<ShownError> of(ParsedFile file) {
        return file.errors().stream().map(error -> new ShownError(error.line(), error.field(), error.message().english())).toList();
    }
}
