package app.village.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import app.village.surface.AccessPolicy.Access;
import app.village.surface.AccessPolicy.Rule;
import app.village.surface.Surface.Operation;
import app.village.support.RealCsrfTokens;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * Bad input to every body and every query parameter of Village, generated from the same sources as the role matrix
 * (the OpenAPI document, the request mappings, and the forms the pages actually show): empty, 2 MB and 200 kB
 * bodies and fields, wrong JSON types, broken JSON, the wrong Content-Type, bytes that are not UTF-8, HTML with a
 * script, SQL, NUL, numbers too long for any type, negative ids and values, choices that do not exist. Each request
 * is sent as someone allowed to use the operation, with A's ids. It asserts: no 5xx; a refusal is a clear one
 * (a problem document from the API, a page from a page); a refused write leaves every table as it was; and no
 * log line holds any of the text sent (each value carries a marker word that is searched for in the log).
 */
@VillageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputFuzzTest {

    @LocalServerPort int port;
    @Autowired TestMembers members;
    @Autowired WebApplicationContext application;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    private final AccessPolicy policy = new AccessPolicy();
    /** In every value sent, so the log can be searched for any of it. */
    private final String marker = World.word("fz");
    private final BadRequests bad = new BadRequests(marker);

    @BeforeEach
    void villagesOwnCsrfTokens() {
        RealCsrfTokens.restore(application);
    }

    @Test
    void everyBodyAndQueryParameterRefusesBadInputClearlyWithoutAServerErrorAHalfWriteOrALogLine(CapturedOutput output) {
        World world = World.plant(port, members, jdbc);
        int logFrom = output.getAll().length();
        RowCounts counts = new RowCounts(jdbc);
        Tally tally = new Tally();
        try {
            List<Operation> surface = Surface.of(World.JSON.readTree(world.anonymous.get("/api/openapi").text()), mapping);
            Map<String, Operation> operations = surface.stream().collect(Collectors.toMap(Operation::key, Function.identity()));
            Map<String, Set<String>> formFields = formsOnThePages(world, surface);
            List<Rule> rules = new ArrayList<>(policy.rules().values().stream().filter(r -> operations.containsKey(r.key())).toList());
            // Signing in is Spring Security's filter, not a mapping: added by hand.
            Rule signIn = new Rule("POST /signin", Access.PUBLIC)
                    .form("email", "nobody-${unique}@example.org", "password", TestMembers.PASSWORD);
            operations.put(signIn.key(), new Operation("POST", "/signin", false, List.of(), Surface.Body.FORM, List.of(), false, false));
            rules.add(signIn);
            rules.sort(Comparator.comparingInt((Rule r) -> r.order).thenComparing(r -> r.path).thenComparing(r -> r.method));
            Map<String, Long> last = counts.settled();
            for (Rule rule : rules) {
                Operation operation = operations.get(rule.key());
                for (BadRequests.Probe probe : bad.probes(world, rule, operation, formFields.getOrDefault(rule.key(), Set.of()))) {
                    last = send(world, rule, operation, probe, counts, last, tally);
                }
            }
        } finally {
            world.cleanUp();
        }
        String log = output.getAll().substring(logFrom);
        log.lines().filter(line -> line.contains(marker) || world.markers().values().stream().anyMatch(line::contains)).forEach(line -> {
            tally.logLeaks++;
            tally.problems.add("a log line holds text that was sent: " + line.substring(0, Math.min(line.length(), 300)));
        });
        System.out.printf("BAD-INPUT-FUZZ: %d operations, %d requests tried, %d answers 5xx, %d unclear refusals, %d refused writes "
                        + "with every table checked, %d half-written, %d log leaks%n", tally.operations.size(), tally.requests,
                tally.serverErrors, tally.unclear, tally.refusedWrites, tally.halfWritten, tally.logLeaks);
        assertThat(tally.problems).as("bad input that was not refused cleanly (%d requests)", tally.requests).isEmpty();
    }

    private Map<String, Long> send(World world, Rule rule, Operation operation, BadRequests.Probe probe, RowCounts counts,
                                   Map<String, Long> before, Tally tally) {
        Visitor.Answer answer = sendAs(world, rule, probe);
        tally.requests++;
        tally.operations.add(rule.key());
        String said = rule.key() + " with " + probe.what() + " (" + probe.target().substring(0, Math.min(120, probe.target().length()))
                + "): " + answer;
        if (answer.status() >= 500) {
            tally.serverErrors++;
            tally.problems.add(said + ": a server error");
            return counts.settled();
        }
        if (answer.status() >= 400) {
            boolean clear = operation.api() ? answer.problem() : answer.html();
            if (!clear) {
                tally.unclear++;
                tally.problems.add(said + ": not a clear refusal (" + (operation.api() ? "a problem document" : "a page") + " expected)");
            }
        }
        if (!operation.writes()) {
            return before;
        }
        boolean refused = answer.status() >= 400 || (!operation.api() && answer.redirect() && showsAnError(world, rule, answer));
        if (!refused) {
            // Done, and perhaps read in the background (a post's reading, the story index): wait for it before the next count.
            return counts.settled();
        }
        Map<String, Long> after = counts.now();
        tally.refusedWrites++;
        if (!after.equals(before)) {
            // Something in the background may have written meanwhile: a half-write happens again when the request is sent again.
            Map<String, Long> again = counts.settled();
            Visitor.Answer second = sendAs(world, rule, probe);
            Map<String, Long> afterAgain = counts.now();
            if (second.status() >= 400 && !afterAgain.equals(again)) {
                tally.halfWritten++;
                tally.problems.add(said + ": refused, yet rows changed: " + RowCounts.difference(again, afterAgain));
            }
            return afterAgain;
        }
        return after;
    }

    private Visitor.Answer sendAs(World world, Rule rule, BadRequests.Probe probe) {
        // Each public write from an address of its own: sign-ups and sign-ins are limited per address by design.
        Visitor visitor = rule.access == Access.PUBLIC && !probe.method().equals("GET") ? freshVisitor() : world.usualUser(rule.access);
        return visitor.send(probe.method(), probe.target(), probe.contentType(), probe.body());
    }

    private Visitor freshVisitor() {
        Visitor visitor = new Visitor("anonymous", port, Visitor.someLoopbackAddress());
        visitor.openAPage();
        return visitor;
    }

    /** Whether the page a refused form is sent back to shows an error (the layout's alert), following the redirect once. */
    private static boolean showsAnError(World world, Rule rule, Visitor.Answer answer) {
        String location = answer.location().replaceFirst("^https?://[^/]+", "");
        if (!location.startsWith("/") || location.startsWith("/signin")) {
            return false;
        }
        Visitor visitor = rule.access == Access.PUBLIC ? world.a : world.usualUser(rule.access);
        String page = visitor.get(location.split("#", 2)[0]).text();
        return page.contains("class=\"error\"") && page.contains("role=\"alert\"");
    }

    /** The fields each form-handling operation is sent by the pages themselves, read from every page the policy lets one open. */
    private Map<String, Set<String>> formsOnThePages(World world, List<Operation> surface) {
        Map<String, Set<String>> fields = new HashMap<>();
        for (Rule rule : policy.rules().values()) {
            if (!rule.method.equals("GET") || rule.path.startsWith("/api/")) {
                continue;
            }
            Visitor visitor = world.usualUser(rule.access);
            for (String target : rule.targets()) {
                for (Forms.Form form : Forms.posting(visitor.get(world.fill(target)).text())) {
                    surface.stream().filter(o -> o.method().equals("POST") && !o.api())
                            .filter(o -> PathPatternParser.defaultInstance.parse(o.path()).matches(PathContainer.parsePath(form.action())))
                            .forEach(o -> fields.computeIfAbsent(o.key(), k -> new LinkedHashSet<>()).addAll(form.fields()));
                }
            }
        }
        return fields;
    }

    private static final class Tally {
        int requests;
        int serverErrors;
        int unclear;
        int refusedWrites;
        int halfWritten;
        int logLeaks;
        final Set<String> operations = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();
    }
}
