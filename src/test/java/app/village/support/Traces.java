package app.village.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks for a string everywhere Village keeps words: every column of every table that can hold text
 * (found in information_schema, not listed by hand), and the story index, through Lucene (terms and
 * stored fields of every document, deleted ones included) and as raw bytes of its files.
 */
public final class Traces {

    /** Column types that cannot hold a member's words; every other column is searched. */
    private static final Set<String> NOT_TEXT = Set.of("uuid", "integer", "bigint", "smallint", "numeric", "boolean", "date",
            "timestamp with time zone", "timestamp without time zone", "double precision", "real", "interval");

    private Traces() {
    }

    /** The columns searched, as {@code table.column (type)}. */
    public static List<String> textColumns(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list().stream()
                .filter(c -> !NOT_TEXT.contains(c[2]))
                .map(c -> c[0] + "." + c[1] + " (" + c[2] + ")").toList();
    }

    /** Every {@code table.column} holding the string (ignoring case; bytes for bytea), with how many rows. */
    public static List<String> inDatabase(JdbcClient jdbc, String marker) {
        List<String> found = new ArrayList<>();
        for (String column : textColumns(jdbc)) {
            String table = column.substring(0, column.indexOf('.'));
            String name = column.substring(column.indexOf('.') + 1, column.indexOf(' '));
            String type = column.substring(column.indexOf('(') + 1, column.length() - 1);
            String sql = type.equals("bytea")
                    ? "SELECT count(*) FROM \"" + table + "\" WHERE position(convert_to(?, 'UTF8') in \"" + name + "\") > 0"
                    : "SELECT count(*) FROM \"" + table + "\" WHERE CAST(\"" + name + "\" AS text) ILIKE ?";
            long rows = jdbc.sql(sql).param(type.equals("bytea") ? marker : "%" + marker + "%").query(Long.class).single();
            if (rows > 0) {
                found.add(table + "." + name + ": " + rows + " rows");
            }
        }
        return found;
    }

    /** Documents in the index's latest commit: all of them, and those not deleted. */
    public record Counts(int maxDoc, int numDocs) {
    }

    public static Counts counts(Path index) {
        try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            return new Counts(reader.maxDoc(), reader.numDocs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document count of the smallest segment holding a live document with the string in its stored text. */
    public static int smallestSegmentWith(Path index, String marker) {
        int smallest = Integer.MAX_VALUE;
        try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader segment = leaf.reader();
                var live = segment.getLiveDocs();
                StoredFields stored = segment.storedFields();
                for (int doc = 0; doc < segment.maxDoc(); doc++) {
                    String text = stored.document(doc).get("text");
                    if ((live == null || live.get(doc)) && text != null && text.toLowerCase(Locale.ROOT).contains(marker)) {
                        smallest = Math.min(smallest, segment.maxDoc());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return smallest;
    }

    /** Where the (lower-case) string is in the index: terms, stored fields of live and deleted documents, raw file bytes. */
    public static List<String> inIndex(Path index, String marker) {
        List<String> found = new ArrayList<>();
        try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader segment = leaf.reader();
                for (FieldInfo field : segment.getFieldInfos()) {
                    Terms terms = field.getIndexOptions() == IndexOptions.NONE ? null : segment.terms(field.getName());
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum each = terms.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        if (term.utf8ToString().toLowerCase(Locale.ROOT).contains(marker)) {
                            found.add("term " + field.getName() + ":" + term.utf8ToString() + " in segment " + leaf.ord);
                        }
                    }
                }
                StoredFields stored = segment.storedFields();
                var live = segment.getLiveDocs();
                // Every document the segment holds, deleted ones too: a deleted story's fields stay until it is merged away.
                for (int doc = 0; doc < segment.maxDoc(); doc++) {
                    Document document = stored.document(doc);
                    for (IndexableField f : document.getFields()) {
                        String value = f.stringValue();
                        if (value != null && value.toLowerCase(Locale.ROOT).contains(marker)) {
                            found.add("stored " + f.name() + " of " + (live == null || live.get(doc) ? "live" : "deleted")
                                    + " document " + doc + " in segment " + leaf.ord);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.addAll(inFiles(index, marker));
        return found;
    }

    /** Files of the folder whose bytes contain the string as UTF-8. */
    public static List<String> inFiles(Path folder, String marker) {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                        found.add("bytes of file " + file.getFileName());
                    }
                } catch (NoSuchFileException gone) {
                    // Deleted by the index writer between listing and reading: nothing left to find in it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
