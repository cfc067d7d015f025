package app.village.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import app.village.surface.AccessPolicy.Expect;
import app.village.surface.AccessPolicy.Rule;
import app.village.surface.AccessPolicy.Who;
import app.village.surface.Surface.Operation;
import app.village.support.RealCsrfTokens;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * The role-by-endpoint matrix: every operation of the OpenAPI document and of the request mappings, tried as six
 * people (nobody, member B with member A's ids, a clinician, a moderator, an admin, and A), over real HTTP against
 * the whole application. It asserts what {@link AccessPolicy} declares (sign-in asked for, staff only, someone
 * else's private thing hidden, or done), that no answer to anyone but A holds a word of A's private things, that
 * nothing answers 5xx, and that none of A's words reach the log.
 */
@VillageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RoleMatrixTest {

    @LocalServerPort int port;
    @Autowired TestMembers members;
    @Autowired WebApplicationContext application;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    private final AccessPolicy policy = new AccessPolicy();

    @BeforeEach
    void villagesOwnCsrfTokens() {
        RealCsrfTokens.restore(application);
    }

    @Test
    void everyOperationHasARowInThePolicyAndEveryRowAnOperation() {
        Visitor anybody = new Visitor("anybody", port, Visitor.someLoopbackAddress());
        List<Operation> operations = Surface.of(World.JSON.readTree(anybody.get("/api/openapi").text()), mapping);
        Set<String> found = operations.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(operations).as("the OpenAPI document and the mappings").hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(found)).as("operations nobody has declared who may use (add a row to AccessPolicy)")
                .isSubsetOf(policy.rules().keySet());
        assertThat(new TreeSet<>(policy.rules().keySet())).as("rows of AccessPolicy whose operation no longer exists")
                .isSubsetOf(found);
        List<String> undocumented = operations.stream().filter(o -> o.api() && !o.documented())
                .filter(o -> policy.rules().get(o.key()).notInDocument == null).map(Operation::key).toList();
        assertThat(undocumented).as("API operations missing from the OpenAPI document").isEmpty();
    }

    @Test
    void everyOperationAnswersSixPeopleAsThePolicySaysAndLeaksNothing(CapturedOutput output) {
        World world = World.plant(port, members, jdbc);
        int logFrom = output.getAll().length();
        Tally tally = new Tally();
        try {
            Map<String, Operation> operations = Surface.of(World.JSON.readTree(world.anonymous.get("/api/openapi").text()), mapping)
                    .stream().collect(Collectors.toMap(Operation::key, Function.identity()));
            List<Rule> rules = policy.rules().values().stream().filter(r -> operations.containsKey(r.key()))
                    .sorted(Comparator.comparingInt((Rule r) -> r.order).thenComparing(r -> r.path).thenComparing(r -> r.method))
                    .toList();
            for (Rule rule : rules) {
                for (String target : rule.targets()) {
                    for (Who who : Who.values()) {
                        tryAs(world, who, rule, operations.get(rule.key()), target, tally);
                    }
                }
            }
        } finally {
            world.cleanUp();
        }
        String log = output.getAll().substring(logFrom);
        world.markers().forEach((what, marker) -> {
            if (log.contains(marker)) {
                tally.logLeaks++;
                tally.problems.add("the log holds " + what);
            }
        });
        System.out.printf("ROLE-MATRIX: %d operations, %d requests tried as 6 people, %d leaks, %d answers 5xx, %d answers not as "
                        + "the policy says, %d log leaks%n", policy.rules().size(), tally.requests, tally.leaks, tally.serverErrors,
                tally.mismatches, tally.logLeaks);
        assertThat(tally.problems).as("answers that break the policy (%d requests)", tally.requests).isEmpty();
    }

    private void tryAs(World world, Who who, Rule rule, Operation operation, String target, Tally tally) {
        Visitor visitor = world.as(who);
        String address = world.fill(target);
        String path = address.split("\\?", 2)[0];
        assertThat(PathPatternParser.defaultInstance.parse(rule.path).matches(PathContainer.parsePath(path)))
                .as("the row %s tries %s", rule.key(), address).isTrue();
        Visitor.Answer answer;
        if (rule.json != null) {
            answer = visitor.json(rule.method, address, world.fill(rule.json));
        } else if (rule.form != null) {
            Map<String, String> form = new java.util.LinkedHashMap<>();
            rule.form.forEach((k, v) -> form.put(k, world.fill(v)));
            answer = visitor.send(rule.method, address, "application/x-www-form-urlencoded",
                    Visitor.encode(form).getBytes(StandardCharsets.US_ASCII));
        } else {
            answer = visitor.send(rule.method, address, null, null);
        }
        tally.requests++;
        String said = who + " " + rule.method + " " + address + ": " + answer;
        if (answer.status() >= 500) {
            tally.serverErrors++;
            tally.problems.add(said + " (5xx)");
        }
        if (who != Who.MEMBER_A) {
            String body = answer.text() + " " + answer.location();
            world.markers().forEach((what, marker) -> {
                if (body.contains(marker)) {
                    tally.leaks++;
                    tally.problems.add(said + " holds " + what);
                }
            });
        }
        Expect expect = AccessPolicy.expect(rule.access, who);
        boolean api = operation.api();
        boolean asExpected = switch (expect) {
            case SIGN_IN -> api ? answer.status() == 401 && answer.problem() : answer.toSignIn();
            case FORBIDDEN -> answer.status() == 403 && (!api || answer.problem());
            case HIDDEN -> answer.status() == 404 || answer.status() == 403;
            case ALLOWED -> (answer.status() < 400 && !answer.toSignIn()) || rule.alsoFine.contains(answer.status());
        };
        if (!asExpected && answer.status() < 500) {
            tally.mismatches++;
            tally.problems.add(said + ", expected " + expect + (rule.access == Access.OWNER ? " (A's own)" : ""));
        }
    }

    private static final class Tally {
        int requests;
        int leaks;
        int serverErrors;
        int mismatches;
        int logLeaks;
        final List<String> problems = new ArrayList<>();
    }
}
