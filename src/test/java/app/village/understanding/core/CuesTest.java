package app.village.understanding.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import app.village.support.RandomText;
import tools.jackson.databind.json.JsonMapper;

/** The cues that let the analyser skip a rule never skip one that would have matched. */
class CuesTest {

    @Test
    void cuesAreTheLiteralStartsOfEveryAlternative() {
        assertThat(Cues.of("\\b(?:hurt(?:ing)?|harm(?:ing)?) myself\\b")).containsExactly("hurt", "harm");
        assertThat(Cues.of("\\bself[- ]?harm\\w*")).containsExactly("self");
        assertThat(Cues.of("\\b(?:don'?t|never) want")).containsExactly("don", "never");
        assertThat(Cues.of("\\bengine (?:running|on)")).containsExactly("engine ");
        // Shapes that cannot be told run always.
        assertThat(Cues.of("\\b(?:a|b)\\b.{0,20}x|\\by")).isNull();
        assertThat(Cues.of("\\bi'?m tired")).isNull();
        assertThat(Cues.of("(?<!ago )this week")).isNull();
        assertThat(Cues.of("^\\W*i want")).isNull();
        assertThat(Cues.of("\\b(?:colic|x)?y")).isNull();
    }

    @Test
    void noRuleOfTheLexiconIsSkippedWhereItWouldMatch() throws IOException {
        Lexicon lexicon = Lexicon.load("understanding/lexicon.txt");
        List<Lexicon.Rule> rules = new ArrayList<>(lexicon.themeRules());
        for (String marker : List.of("mask", "past", "resolved", "generic_question", "hopeless")) {
            rules.addAll(lexicon.marker(marker));
        }
        long withCues = rules.stream().filter(r -> r.cues() != null).count();
        assertThat(withCues).as("most rules have cues").isGreaterThan(rules.size() / 2);

        List<String> texts = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/understanding"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("devset-")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        String text = json.readTree(line).get("text").asString();
                        SentenceSplitter.split("text", text).forEach(sentence -> texts.add(sentence.normalised()));
                        texts.add(Normaliser.normalise(text));
                    }
                }
            }
        }
        java.util.Random random = new java.util.Random(20261202L);
        for (int i = 0; i < 500; i++) {
            texts.add(Normaliser.normalise(RandomText.next(random, 60)));
        }
        int matches = 0;
        for (Lexicon.Rule rule : rules) {
            for (String text : texts) {
                if (rule.pattern().matcher(text).find()) {
                    matches++;
                    assertThat(rule.mayMatch(text)).as("line %d on: %s", rule.line(), text).isTrue();
                }
            }
        }
        assertThat(matches).as("the check saw real matches").isGreaterThan(1000);
    }
}
