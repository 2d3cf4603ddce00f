package io.dsm.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Remembers every password the suite sends and fails the request whose response body, or any log
 * line written so far, contains one of them. Installed for every API test by {@link ApiTest}.
 */
public final class SecretLeakGuard implements OrderedFilter {

    /** Short values ("p") would match everywhere; every password the suite uses is longer. */
    private static final int MIN_TRACKED = 8;
    private static final Pattern PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();
    private static final StringBuffer LOG = new StringBuffer();
    private static final AtomicLong CHECKED = new AtomicLong();
    private static volatile boolean installed;

    public static synchronized void install() {
        if (installed) {
            return;
        }
        io.restassured.RestAssured.filters(new SecretLeakGuard());
        java.util.logging.Logger.getLogger("").addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                LOG.append(record.getMessage()).append(' ');
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        LOG.append(parameter).append(' ');
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    LOG.append(t).append(' ');
                }
                LOG.append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        installed = true;
    }

    public static long responsesChecked() {
        return CHECKED.get();
    }

    /** @throws AssertionError if {@code text} contains a password the suite has sent */
    public static void assertNoSentPassword(String where, String text) {
        for (String secret : SENT) {
            if (text.contains(secret)) {
                throw new AssertionError(where + " contains a password that was sent in a request");
            }
        }
    }

    /** A secret the suite gave dsm another way (a file under DSM_SECRETS_DIR): no response or log line may hold it either. */
    public static void rememberSecret(String secret) {
        SENT.add(secret);
    }

    static void remember(String requestBody) {
        Matcher matcher = PASSWORD.matcher(requestBody);
        while (matcher.find()) {
            if (matcher.group(1).length() >= MIN_TRACKED) {
                SENT.add(matcher.group(1));
            }
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Object body = request.getBody();
        if (body != null) {
            remember(body.toString());
        }
        Response answer = context.next(request, response);
        assertNoSentPassword("The response to " + request.getMethod() + " " + request.getURI(), answer.asString());
        assertNoSentPassword("The log", LOG.toString());
        CHECKED.incrementAndGet();
        return answer;
    }

    @Override
    public int getOrder() {
        return Integer.MAX_VALUE;
    }
}
