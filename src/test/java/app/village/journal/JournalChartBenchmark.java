package app.village.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.village.accounts.ChildProfile;
import app.village.accounts.domain.AccountService;
import app.village.journal.domain.ChartRange;
import app.village.journal.domain.Trends;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * How long the server takes to answer the charts page for a member with three years of daily
 * check-ins (two children rated each day): the whole request in process (security, controller,
 * PostgreSQL, Thymeleaf), after warm-up. Prints figures; asserts only that the pages are right.
 *
 * <pre>./mvnw -q -B verify -Dtest=JournalChartBenchmark -Dvillage.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@VillageIntegrationTest
@Tag("bench")
@EnabledIfSystemProperty(named = "village.bench", matches = "true")
class JournalChartBenchmark {

    private static final int DAYS = 3 * 365 + 1;
    private static final int WARM_UP = 50;
    private static final int RUNS = 300;

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Trends trends;

    @Test
    void chartsForThreeYearsOfDailyCheckIns() throws Exception {
        TestMembers.Created ann = members.mother();
        ChildProfile sam = accounts.addChild(ann.id(), "Sam", "2023-10");
        ChildProfile noor = accounts.addChild(ann.id(), "Noor", "2025-06");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Random random = new Random(42);
        List<Object[]> checkIns = new ArrayList<>();
        List<Object[]> closeness = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            UUID id = UUID.randomUUID();
            String medication = random.nextInt(10) == 0 ? "MISSED" : "TAKEN";
            checkIns.add(new Object[]{id, ann.id(), Date.valueOf(today.minusDays(i)), random.nextInt(11),
                    3 + random.nextInt(13) / 2.0, medication, java.sql.Timestamp.from(java.time.Instant.now())});
            closeness.add(new Object[]{id, sam.id(), random.nextInt(11)});
            closeness.add(new Object[]{id, noor.id(), random.nextInt(11)});
        }
        jdbc.batchUpdate("INSERT INTO journal_check_ins (id, member_id, day, mood, sleep_hours, medication, version, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0, ?)", checkIns);
        jdbc.batchUpdate("INSERT INTO journal_closeness (check_in_id, child_id, closeness) VALUES (?, ?, ?)", closeness);
        jdbc.execute("ANALYZE journal_check_ins");
        jdbc.execute("ANALYZE journal_closeness");

        System.out.printf("%nJournal charts page, %d daily check-ins (two children), %s, %d runs after %d warm-up%n",
                DAYS, Runtime.getRuntime().availableProcessors() + " cores", RUNS, WARM_UP);
        System.out.printf("load average before: %.1f (wall time suffers when other work shares the cores; the CPU time "
                + "of the request thread, which excludes PostgreSQL's own process, much less)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%-28s %8s %8s %8s %8s %9s %9s%n", "page", "p50 ms", "p90 ms", "p99 ms", "max ms", "cpu p50", "KiB");
        for (String path : new String[]{"/journal/charts?range=7", "/journal/charts?range=30", "/journal/charts?range=90",
                "/journal/charts?range=all", "/journal"}) {
            measure(ann, path);
        }
        System.out.printf("%-28s %8s %8s %8s%n", "data only (Trends.charts)", "p50 ms", "p90 ms", "p99 ms");
        for (ChartRange range : ChartRange.values()) {
            for (int i = 0; i < WARM_UP; i++) {
                trends.charts(ann.id(), range, LocalDate.now(ZoneOffset.UTC));
            }
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                trends.charts(ann.id(), range, LocalDate.now(ZoneOffset.UTC));
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-28s %8.1f %8.1f %8.1f%n", range.label(), ms[RUNS / 2], ms[RUNS * 9 / 10], ms[RUNS * 99 / 100]);
        }
    }

    private void measure(TestMembers.Created ann, String path) throws Exception {
        MvcResult last = null;
        for (int i = 0; i < WARM_UP; i++) {
            last = mvc.perform(get(path).with(user(ann.user()))).andReturn();
        }
        assertThat(last.getResponse().getStatus()).isEqualTo(200);
        String html = last.getResponse().getContentAsString();
        if (path.endsWith("all")) {
            assertThat(html).contains("Drawn as weekly averages").contains(DAYS + " check-ins in all");
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            MvcResult r = mvc.perform(get(path).with(user(ann.user()))).andReturn();
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            assertThat(r.getResponse().getStatus()).isEqualTo(200);
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("%-28s %8.1f %8.1f %8.1f %8.1f %9.1f %9.1f%n", path, ms[RUNS / 2], ms[RUNS * 9 / 10], ms[RUNS * 99 / 100],
                ms[RUNS - 1], cpu[RUNS / 2], html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024.0);
    }
}
