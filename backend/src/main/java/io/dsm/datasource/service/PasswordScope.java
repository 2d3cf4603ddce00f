package io.dsm.datasource.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.dsm.common.i18n.Text;
import io.dsm.common.problem.Violation;
import io.dsm.datasource.StoredSource;
import io.dsm.datasource.TlsMode;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.StandbyInput;
import io.dsm.datasource.TlsSettings;

/**
 * Where a saved password may be sent: only to the endpoint it was saved with. One who may edit a
 * data source but never saw its password must not be able to point dsm at a server of their own and
 * have dsm log in there with it (a confused deputy). This is the one definition of that endpoint,
 * used by the update, by the test of a saved data source with edits, and when an update is written.
 *
 * <p>An endpoint is the host (compared ignoring case, as DNS and PostgreSQL do), the port, the
 * username and the TLS settings (mode and CA certificate), each compared exactly. The primary's saved
 * password, sealed or referenced, belongs to the primary's endpoint. The standby's saved password
 * (its own, or the copy of the primary's it got when it was saved without one) belongs to the
 * standby's endpoint: its host, port and username (the primary's when it has none of its own) with
 * the TLS settings both halves share. So a change of the TLS settings, or of a username the standby
 * shares, moves both endpoints. A standby that was not saved before is a moved endpoint too. A moved
 * standby takes the password typed for it, or else the one typed for the primary, as on create.
 */
public final class PasswordScope {

    /** What a saved password is bound to. */
    record Endpoint(String host, Integer port, String username, TlsMode tlsMode, String caCertificate) {

        /** What differs from the saved endpoint, in the words a refusal names it by. */
        List<String> changesFrom(Endpoint saved) {
            List<String> changes = new ArrayList<>();
            if (!Objects.equals(lowerCase(host), lowerCase(saved.host))) {
                changes.add("host");
            }
            if (!Objects.equals(port, saved.port)) {
                changes.add("port");
            }
            if (!Objects.equals(username, saved.username)) {
                changes.add("username");
            }
            if (tlsMode != saved.tlsMode) {
                changes.add("TLS mode");
            }
            if (!Objects.equals(caCertificate, saved.caCertificate)) {
                changes.add("CA certificate");
            }
            return changes;
        }

        private static String lowerCase(String host) {
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        }
    }


    private final DataSourceInput edited;
    /** Null: nothing was saved for this endpoint; empty: it did not move. */
    private final List<String> primaryChanges;
    private final List<String> standbyChanges;
    private final String savedReference;
    private final String savedStandbyReference;

    private PasswordScope(DataSourceInput edited, List<String> primaryChanges, List<String> standbyChanges, String savedReference,
            String savedStandbyReference) {
        this.edited = edited;
        this.primaryChanges = primaryChanges;
        this.standbyChanges = standbyChanges;
        this.savedReference = savedReference;
        this.savedStandbyReference = savedStandbyReference;
    }

    /** The edit of a saved data source; {@code saved} is null, or not yet written, for a new one. */
    public static PasswordScope of(StoredSource saved, DataSourceInput edited) {
        boolean written = saved != null && saved.host() != null;
        Endpoint savedStandby = written ? standbyOf(saved) : null;
        Endpoint editedStandby = standbyOf(edited);
        return new PasswordScope(edited,
                written ? primaryOf(edited).changesFrom(primaryOf(saved)) : null,
                savedStandby == null || editedStandby == null ? null : editedStandby.changesFrom(savedStandby),
                written ? saved.password().reference() : null, savedStandby == null ? null : saved.standby().password().reference());
    }

    /** Whether the saved primary password may be used for the edited primary. */
    public boolean keepsPrimaryPassword() {
        return primaryChanges != null && primaryChanges.isEmpty();
    }

    /** Whether the saved standby password (or the primary's, if the standby was saved without one) may be used for it. */
    public boolean keepsStandbyPassword() {
        return standbyChanges != null && standbyChanges.isEmpty();
    }

    /**
     * The password references the requester may not give: any, unless they may name references (an
     * ADMIN), but for the saved one given back unchanged for an endpoint that did not move, which is
     * how the edit dialog keeps it.
     */
    public List<Violation> forbiddenReferences(boolean mayNameReferences) {
        List<Violation> forbidden = new ArrayList<>();
        if (mayNameReferences) {
            return forbidden;
        }
        if (edited.passwordRef() != null && !(keepsPrimaryPassword() && edited.passwordRef().equals(savedReference))) {
            forbidden.add(new Violation("passwordRef", referenceRefusal(primaryChanges, false)));
        }
        StandbyInput standby = edited.standby();
        if (standby != null && standby.passwordRef() != null
                && !(keepsStandbyPassword() && standby.passwordRef().equals(savedStandbyReference))) {
            forbidden.add(new Violation("standby.passwordRef", referenceRefusal(standbyChanges, true)));
        }
        return forbidden;
    }

    /**
     * The passwords that must be given again because their endpoint moved, so that the saved one would
     * go elsewhere. A moved standby may also take the primary's password given in the same request (a
     * reference only from one who may name references).
     */
    public List<Violation> passwordsToGiveAgain(boolean mayNameReferences) {
        List<Violation> missing = new ArrayList<>();
        if (primaryChanges == null) {
            return missing;
        }
        boolean primaryGiven = edited.password() != null || edited.passwordRef() != null;
        if (!keepsPrimaryPassword() && !primaryGiven) {
            missing.add(Violation.of("password", "violation.password.again", words(primaryChanges)));
        }
        StandbyInput standby = edited.standby();
        boolean primaryGivenAfresh = edited.password() != null || edited.passwordRef() != null && mayNameReferences;
        if (standbyOf(edited) != null && !keepsStandbyPassword() && standby.password() == null && standby.passwordRef() == null
                && !primaryGivenAfresh) {
            missing.add(standbyChanges == null ? Violation.of("standby.password", "violation.standby-password.new")
                    : Violation.of("standby.password", "violation.standby-password.again", words(standbyChanges)));
        }
        return missing;
    }

    private static Text referenceRefusal(List<String> changes, boolean standby) {
        if (changes != null && !changes.isEmpty()) {
            return Text.of(standby ? "violation.password-ref.standby-moved" : "violation.password-ref.moved", words(changes));
        }
        return Text.of("violation.password-ref.admin-only");
    }

    /** "host", "host and port", "host, port and username": field names, joined in the reader's language. */
    static Text words(List<String> parts) {
        if (parts.size() == 1) {
            return Text.of("text.verbatim", parts.get(0));
        }
        return Text.of("words.and", String.join(", ", parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1));
    }

    private static Endpoint primaryOf(StoredSource saved) {
        return new Endpoint(saved.host(), saved.port(), saved.username(), saved.tlsMode(), saved.tlsCaCertificate());
    }

    private static Endpoint standbyOf(StoredSource saved) {
        if (saved.standby() == null || saved.standby().host() == null) {
            return null;
        }
        return new Endpoint(saved.standby().host(), saved.standby().port(), saved.standby().username(), saved.tlsMode(),
                saved.tlsCaCertificate());
    }

    private static Endpoint primaryOf(DataSourceInput edited) {
        TlsSettings tls = tlsOf(edited);
        return new Endpoint(edited.host(), edited.port(), edited.username(), tls.modeOrDefault(), blankToNull(tls.caCertificate()));
    }

    /** As {@link DataSourceFields} stores it: a standby only with a pair, its username defaulting to the primary's. */
    private static Endpoint standbyOf(DataSourceInput edited) {
        StandbyInput standby = edited.standby();
        if (standby == null || edited.attribute() == null || !edited.attribute().hasStandby()) {
            return null;
        }
        TlsSettings tls = tlsOf(edited);
        String username = standby.username() == null || standby.username().isBlank() ? edited.username() : standby.username();
        return new Endpoint(standby.host(), standby.port(), username, tls.modeOrDefault(), blankToNull(tls.caCertificate()));
    }

    private static TlsSettings tlsOf(DataSourceInput edited) {
        return edited.tls() == null ? TlsSettings.DEFAULT : edited.tls();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
