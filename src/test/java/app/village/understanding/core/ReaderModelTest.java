package app.village.understanding.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import app.village.understanding.Theme;

/** The model file: read back exactly as written, and refused with its name when damaged, cut or incomplete. */
class ReaderModelTest {

    private static ReaderModel tiny(boolean withRole) {
        Map<String, Integer> vocabulary = Map.of("w:hello", 0, "l:self_harm", 1);
        Map<String, LinearHead> heads = new LinkedHashMap<>();
        Map<Theme, Double> thresholds = new EnumMap<>(Theme.class);
        for (Theme t : Theme.values()) {
            heads.put(ReaderModel.postHead(t), new LinearHead(ReaderModel.postHead(t), List.of("yes"), new float[] {-1f}, new float[][] {{0f, 0f}}));
            heads.put(ReaderModel.themeHead(t), new LinearHead(ReaderModel.themeHead(t), List.of("yes"), new float[] {-1f},
                    new float[][] {{0.5f, t == Theme.SELF_HARM ? 3f : 0f}}));
            thresholds.put(t, 0.5);
        }
        heads.put(ReaderModel.PERSON_HEAD, new LinearHead(ReaderModel.PERSON_HEAD, List.of("writer", "other"), new float[] {0f, 0f},
                new float[][] {{1f, 0f}, {0f, 1f}}));
        if (withRole) {
            heads.put(ReaderModel.ROLE_HEAD, new LinearHead(ReaderModel.ROLE_HEAD, List.of("mother", "unknown"), new float[] {0f, 0f},
                    new float[][] {{0f, 0f}, {0f, 0f}}));
        }
        return new ReaderModel(vocabulary, heads, thresholds, new EnumMap<>(Map.of(Theme.SELF_HARM, 0.1)), Map.of("trained", "test"));
    }

    private static byte[] bytes(ReaderModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    @Test
    void theVetoesChosenByCrossValidationAreKeptInTheFile() throws IOException {
        ReaderModel with = tiny(true).withVetoes(Map.of(Theme.FEEDING, 0.15, Theme.ANGER_IRRITABILITY, 0.3));

        ReaderModel read = ReaderModel.read(new ByteArrayInputStream(bytes(with)), "test.bin.gz");

        assertThat(read.vetoes()).containsOnly(Map.entry(Theme.FEEDING, 0.15), Map.entry(Theme.ANGER_IRRITABILITY, 0.3));
        assertThat(ReaderModel.read(new ByteArrayInputStream(bytes(tiny(true))), "test.bin.gz").vetoes()).isEmpty();
    }

    @Test
    void aWrittenModelReadsBackWithTheSameProbabilities() throws IOException {
        ReaderModel written = tiny(true);
        ReaderModel read = ReaderModel.read(new ByteArrayInputStream(bytes(written)), "test.bin.gz");
        Map<String, Float> features = new HashMap<>(Map.of("w:hello", 1f, "l:self_harm", 1f, "w:unknown", 7f));
        for (Theme t : Theme.values()) {
            assertThat(read.head(ReaderModel.themeHead(t)).probability(features, read.vocabulary()))
                    .isEqualTo(written.head(ReaderModel.themeHead(t)).probability(features, written.vocabulary()));
        }
        assertThat(read.head(ReaderModel.themeHead(Theme.SELF_HARM)).probability(features, read.vocabulary())).isGreaterThan(0.9);
        assertThat(read.thresholds()).isEqualTo(written.thresholds());
        assertThat(read.netFloors()).containsEntry(Theme.SELF_HARM, 0.1);
        assertThat(read.about()).containsEntry("trained", "test");
    }

    @Test
    void aChangedByteIsRefusedByTheChecksumWithTheFilesName() throws IOException {
        byte[] raw = gunzip(bytes(tiny(true)));
        raw[raw.length / 2] ^= 0x10;
        assertThatThrownBy(() -> ReaderModel.read(new ByteArrayInputStream(gzip(raw)), "reader.bin.gz"))
                .isInstanceOf(ReaderModelException.class).hasMessageContaining("reader.bin.gz").hasMessageContaining("checksum")
                .hasMessageContaining("./village train");
    }

    @Test
    void aCutFileIsRefused() throws IOException {
        byte[] whole = bytes(tiny(true));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> ReaderModel.read(new ByteArrayInputStream(cut), "reader.bin.gz"))
                .isInstanceOf(ReaderModelException.class).hasMessageContaining("reader.bin.gz");
    }

    @Test
    void aFileThatIsNotAModelIsRefused() {
        assertThatThrownBy(() -> ReaderModel.read(new ByteArrayInputStream(gzip("hello, I am a text file".getBytes())), "x.gz"))
                .isInstanceOf(ReaderModelException.class).hasMessageContaining("x.gz");
        assertThatThrownBy(() -> ReaderModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "y.gz"))
                .isInstanceOf(ReaderModelException.class).hasMessageContaining("y.gz");
    }

    @Test
    void aModelWithoutEveryReaderIsRefused() throws IOException {
        byte[] noRole = bytes(tiny(false));
        assertThatThrownBy(() -> ReaderModel.read(new ByteArrayInputStream(noRole), "reader.bin.gz"))
                .isInstanceOf(ReaderModelException.class).hasMessageContaining("role");
    }

    @Test
    void theShippedModelLoadsAndHasAReaderAndAThresholdForEveryTheme() {
        ReaderModel shipped = ReaderModel.shipped();
        for (Theme t : Theme.values()) {
            // 1.01 is "never": a theme its reader could not learn is raised only by the lexicon's net.
            assertThat(shipped.thresholds().get(t)).as(t.code()).isBetween(0.0, 1.01);
        }
        assertThat(shipped.vocabulary()).hasSizeGreaterThan(1000);
        assertThat(shipped.about()).containsKeys("trained", "posts", "seed", "annotations-sha256");
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] b) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(b);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
