package app.village.accounts.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.UUID;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The confusable skeleton of a handle (Unicode TS #39 with ICU's data, after NFKC and case
 * folding): two handles that look alike on screen have the same skeleton, so nobody can pass for
 * another member, or a moderator, with a Greek capital rho or fullwidth letters. Members who
 * signed up before this rule get their skeleton once, before Village answers requests.
 */
@Component
class HandleSkeletons implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(HandleSkeletons.class);
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

    private final JdbcClient jdbc;

    HandleSkeletons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String skeleton(String handle) {
        String folded = UCharacter.foldCase(Normalizer.normalize(handle.strip(), Normalizer.Form.NFKC), true);
        return CHECKER.getSkeleton(folded);
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Row> missing = jdbc.sql("SELECT id, handle FROM members WHERE handle_skeleton IS NULL ORDER BY created_at")
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("handle"))).list();
        int clashes = 0;
        for (Row row : missing) {
            try {
                jdbc.sql("UPDATE members SET handle_skeleton = ? WHERE id = ?").params(skeleton(row.handle()), row.id()).update();
            } catch (DuplicateKeyException alike) {
                clashes++; // an older member looks the same; both keep their handle, no new one may look like either
            }
        }
        if (!missing.isEmpty()) {
            log.info("Handle skeletons filled for {} members ({} look like an older member's)", missing.size() - clashes, clashes);
        }
    }

    private record Row(UUID id, String handle) {
    }
}
