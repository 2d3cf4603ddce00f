package io.dsm.auth.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.audit.service.RequestOrigin;
import io.dsm.user.service.CurrentPasswordCheck;
import io.dsm.user.service.PasswordHasher;

/**
 * The one way a password is checked: HTTP Basic, console sign-in and password change alike. The
 * throttle decides first: while the user or the address is throttled the attempt is refused (429)
 * before any hash is computed or any remembered password is looked at, the right password included.
 * A failure is counted and audited. Checks for one user, and checks from one address, run one at a
 * time, so that parallel guesses cannot all pass the throttle before the first of them has failed.
 */
@ApplicationScoped
public class SignInAttempts implements CurrentPasswordCheck {

    /** Locks shared by names (or addresses) that hash alike: bounded memory, and rarely a wait for someone else. */
    private static final int STRIPES = 256;
    private static final AuditEntry WRONG_CURRENT_PASSWORD = AuditEntry.of(AuditAction.PASSWORD_CHANGED, AuditOutcome.FAILURE,
            "wrong current password");

    private final SignInThrottle throttle;
    private final ThrottlingRecords throttlings;
    private final AuditLog audit;
    private final RequestOrigin origin;
    private final Lock[] byUser = stripes();
    private final Lock[] byAddress = stripes();

    public SignInAttempts(SignInThrottle throttle, ThrottlingRecords throttlings, AuditLog audit, RequestOrigin origin) {
        this.throttle = throttle;
        this.throttlings = throttlings;
        this.audit = audit;
        this.origin = origin;
    }

    /**
     * Runs one password check behind the throttle.
     *
     * @param failure what the audit records, for the username tried, if the check fails
     * @param verify the check: what the password proves, or empty when it is wrong
     * @throws SignInThrottled when the user or the address is throttled; nothing was checked
     */
    public <T> Optional<T> check(String username, String address, AuditEntry failure, Supplier<Optional<T>> verify) {
        // Always a user's lock before an address's, from two separate sets: no two checks wait for each other in a circle.
        Lock user = stripe(byUser, username == null ? "" : username.toLowerCase(Locale.ROOT));
        Lock from = stripe(byAddress, String.valueOf(address));
        List<SignInThrottle.Counted> started;
        user.lock();
        from.lock();
        try {
            throttle.check(username, address);
            Optional<T> verified = verify.get();
            if (verified.isPresent()) {
                return verified;
            }
            started = throttle.failed(username, address);
        } finally {
            from.unlock();
            user.unlock();
        }
        audit.recordSeparately(failure, username, address);
        throttlings.started(started);
        return Optional.empty();
    }

    @Override
    public boolean isCurrent(String username, String password, String passwordHash) {
        return check(username, origin.address(), WRONG_CURRENT_PASSWORD,
                () -> PasswordHasher.matches(password, passwordHash) ? Optional.of(Boolean.TRUE) : Optional.empty()).isPresent();
    }

    private static Lock[] stripes() {
        Lock[] locks = new Lock[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        return locks;
    }

    private static Lock stripe(Lock[] locks, String key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }
}
