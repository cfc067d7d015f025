package app.village.understanding.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import app.village.understanding.Theme;

/**
 * The learned readers of the understanding, as {@code ./village train} writes them: one yes-or-no
 * head per theme for the whole post and one for its sentences, the head that says whose experience a theme is, the head that
 * reads the writer's role, each theme's threshold chosen by cross-validation, and where the text
 * came from. The file ends with a checksum of everything before it, so a cut or altered file is
 * refused with its name rather than read as something else.
 *
 * @param thresholds per theme, the post-level probability from which the theme is reported
 * @param netFloors per urgent theme, the probability the learned reader must give a sentence the
 *                  lexicon flagged before the flag counts (the lexicon stays the high-recall net)
 * @param vetoes    per theme that is not an urgent sign, the post-level probability under which the
 *                  readers overrule the lexicon's finding ({@link HybridAnalyzer}); chosen by
 *                  cross-validation, absent where the readers should not overrule it
 */
public record ReaderModel(Map<String, Integer> vocabulary, Map<String, LinearHead> heads, Map<Theme, Double> thresholds,
                          Map<Theme, Double> netFloors, Map<Theme, Double> vetoes, Map<String, String> about) {

    /** A model without vetoes (as trained before they existed, and in tests of the readers alone). */
    public ReaderModel(Map<String, Integer> vocabulary, Map<String, LinearHead> heads, Map<Theme, Double> thresholds,
                       Map<Theme, Double> netFloors, Map<String, String> about) {
        this(vocabulary, heads, thresholds, netFloors, Map.of(), about);
    }

    /** This model with the given vetoes, chosen by cross-validation after its readers were trained. */
    public ReaderModel withVetoes(Map<Theme, Double> chosen) {
        return new ReaderModel(vocabulary, heads, thresholds, netFloors, Map.copyOf(chosen), about);
    }

    public static final String RESOURCE = "understanding/model/reader.bin.gz";
    static final int MAGIC = 0x56524d31; // "VRM1"
    public static final String PERSON_HEAD = "person";
    public static final String ROLE_HEAD = "role";

    /** The sentence-level reader of a theme: which sentences show it (evidence, person). */
    public static String themeHead(Theme theme) {
        return "theme:" + theme.code();
    }

    /** The post-level reader of a theme: whether the post shows it at all. */
    public static String postHead(Theme theme) {
        return "post:" + theme.code();
    }

    /** The sentence encoder and scales the readers were trained with (no encoder in models trained without one). */
    public TextEncoding encoding() {
        return TextEncoding.described(about);
    }

    public LinearHead head(String name) {
        LinearHead head = heads.get(name);
        if (head == null) {
            throw new ReaderModelException("the model has no head '" + name + "'");
        }
        return head;
    }

    /** Loads the model shipped in the application, or says which file is missing or damaged and how to rebuild it. */
    public static ReaderModel shipped() {
        try (InputStream in = ReaderModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ReaderModelException("the model file " + RESOURCE + " is missing from the application. Rebuild it with "
                        + "'./village train' and build again.");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new ReaderModelException("the model file " + RESOURCE + " cannot be read (" + e.getMessage()
                    + "). Rebuild it with './village train'.", e);
        }
    }

    public static ReaderModel read(InputStream raw, String name) {
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(raw)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ReaderModelException("the model file " + name + " is damaged (" + e.getMessage()
                    + "). Rebuild it with './village train'.", e);
        }
        if (bytes.length < 12) {
            throw new ReaderModelException("the model file " + name + " is too short to be a model. Rebuild it with './village train'.");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = 0;
        for (int i = bytes.length - 8; i < bytes.length; i++) {
            stored = (stored << 8) | (bytes[i] & 0xff);
        }
        if (crc.getValue() != stored) {
            throw new ReaderModelException("the model file " + name + " fails its checksum: it was cut or changed. Rebuild it with "
                    + "'./village train'.");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            if (in.readInt() != MAGIC) {
                throw new ReaderModelException("the file " + name + " is not a Village reader model. Rebuild it with './village train'.");
            }
            Map<String, String> about = new LinkedHashMap<>();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                about.put(in.readUTF(), in.readUTF());
            }
            int size = in.readInt();
            Map<String, Integer> vocabulary = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                vocabulary.put(in.readUTF(), i);
            }
            Map<String, LinearHead> heads = new LinkedHashMap<>();
            int h = in.readInt();
            for (int k = 0; k < h; k++) {
                String headName = in.readUTF();
                int labels = in.readInt();
                List<String> names = new ArrayList<>();
                float[] biases = new float[labels];
                float[][] weights = new float[labels][size];
                for (int l = 0; l < labels; l++) {
                    names.add(in.readUTF());
                    biases[l] = in.readFloat();
                    for (int i = 0; i < size; i++) {
                        weights[l][i] = in.readFloat();
                    }
                }
                heads.put(headName, new LinearHead(headName, List.copyOf(names), biases, weights));
            }
            Map<Theme, Double> thresholds = readThemeMap(in);
            Map<Theme, Double> floors = readThemeMap(in);
            // Vetoes came later: a file that ends after the floors has none.
            Map<Theme, Double> vetoes = in.available() > 0 ? readThemeMap(in) : Map.of();
            for (Theme theme : Theme.values()) {
                if (!heads.containsKey(themeHead(theme)) || !heads.containsKey(postHead(theme)) || !thresholds.containsKey(theme)) {
                    throw new ReaderModelException("the model file " + name + " has no reader for " + theme.code()
                            + ". Rebuild it with './village train'.");
                }
            }
            if (!heads.containsKey(PERSON_HEAD) || !heads.containsKey(ROLE_HEAD)) {
                throw new ReaderModelException("the model file " + name + " lacks the person or role reader. Rebuild it with './village train'.");
            }
            return new ReaderModel(Map.copyOf(vocabulary), Map.copyOf(heads), thresholds, floors, vetoes, about);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReaderModelException("the model file " + name + " is damaged (" + e.getMessage()
                    + "). Rebuild it with './village train'.", e);
        }
    }

    public void write(OutputStream raw) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(about.size());
        for (Map.Entry<String, String> e : about.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        String[] byIndex = new String[vocabulary.size()];
        vocabulary.forEach((word, i) -> byIndex[i] = word);
        out.writeInt(byIndex.length);
        for (String word : byIndex) {
            out.writeUTF(word);
        }
        List<String> names = heads.keySet().stream().sorted().toList();
        out.writeInt(names.size());
        for (String headName : names) {
            LinearHead head = heads.get(headName);
            out.writeUTF(headName);
            out.writeInt(head.labels().size());
            for (int l = 0; l < head.labels().size(); l++) {
                out.writeUTF(head.labels().get(l));
                out.writeFloat(head.biases()[l]);
                for (float w : head.weights()[l]) {
                    out.writeFloat(w);
                }
            }
        }
        writeThemeMap(out, thresholds);
        writeThemeMap(out, netFloors);
        writeThemeMap(out, vetoes);
        out.flush();
        byte[] body = buffer.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        try (GZIPOutputStream gz = new GZIPOutputStream(raw)) {
            gz.write(body);
            long v = crc.getValue();
            for (int i = 7; i >= 0; i--) {
                gz.write((int) (v >>> (i * 8)) & 0xff);
            }
        }
    }

    private static Map<Theme, Double> readThemeMap(DataInputStream in) throws IOException {
        Map<Theme, Double> map = new EnumMap<>(Theme.class);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            map.put(Theme.ofCode(in.readUTF()), in.readDouble());
        }
        return map;
    }

    private static void writeThemeMap(DataOutputStream out, Map<Theme, Double> map) throws IOException {
        out.writeInt(map.size());
        Map<Theme, Double> ordered = new EnumMap<>(Theme.class);
        ordered.putAll(map);
        for (Map.Entry<Theme, Double> e : ordered.entrySet()) {
            out.writeUTF(e.getKey().code());
            out.writeDouble(e.getValue());
        }
    }
}
