package io.dsm.datasource.api;

/** The field rules shared by the request records, the list parameters and their messages. */
final class Rules {

    static final String IDENTIFIER = "^[A-Za-z0-9]{1,32}$";
    static final String IDENTIFIER_MESSAGE = "must be 1 to 32 ASCII letters or digits, without spaces";
    /** No whitespace and none of the characters that carry URL or JDBC syntax. */
    static final String HOST_CHARACTERS = "^[^\\s/?#&;=@,\\\\'\"`%]*$";
    static final String HOST_CHARACTERS_MESSAGE = "must not contain whitespace or any of / ? # & ; = @ , \\ % or quotes";
    static final String PORT_MESSAGE = "must be between 1 and 65535";
    static final int PASSWORD_MAX = 1024;

    private Rules() {
    }
}
