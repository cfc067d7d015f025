package app.village.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.village.accounts.Registration;
import app.village.community.Stories;
import app.village.support.VillageIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@VillageIntegrationTest
class DemoDataTest {

    @Autowired Registration registration;
    @Autowired Stories stories;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    @Test
    void loadingTwiceCreatesEverythingOnce() throws Exception {
        DemoData demo = new DemoData(registration, stories, json);
        demo.load();
        long members = demoCount("SELECT count(*) FROM members WHERE email LIKE '%@demo.village.invalid'");
        long posts = demoCount("SELECT count(*) FROM posts p WHERE p.author_id IN (SELECT id FROM members WHERE email LIKE '%@demo.village.invalid')");
        long replies = demoCount("SELECT count(*) FROM replies r WHERE r.author_id IN (SELECT id FROM members WHERE email LIKE '%@demo.village.invalid')");
        demo.load();
        assertThat(members).isEqualTo(6);
        assertThat(posts).isEqualTo(6);
        assertThat(replies).isEqualTo(9);
        assertThat(demoCount("SELECT count(*) FROM members WHERE email LIKE '%@demo.village.invalid'")).isEqualTo(members);
        assertThat(demoCount("SELECT count(*) FROM posts p WHERE p.author_id IN (SELECT id FROM members WHERE email LIKE '%@demo.village.invalid')")).isEqualTo(posts);
        assertThat(demoCount("SELECT count(*) FROM replies r WHERE r.author_id IN (SELECT id FROM members WHERE email LIKE '%@demo.village.invalid')")).isEqualTo(replies);
    }

    private long demoCount(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
