package app.village.accounts.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.village.accounts.ChildProfile;
import app.village.accounts.FamilyRole;
import app.village.accounts.Role;

/** SQL for the accounts tables. Nothing outside this module touches them. */
@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String emailKey(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static String handleKey(String handle) {
        return handle.strip().toLowerCase(java.util.Locale.ROOT);
    }

    void insert(MemberRecord m) {
        jdbc.sql("""
                INSERT INTO members (id, email, email_key, password_hash, handle, handle_key, handle_skeleton, family_role, created_at,
                                     password_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.email(), emailKey(m.email()), m.passwordHash(), m.handle(), handleKey(m.handle()),
                        HandleSkeletons.skeleton(m.handle()), m.familyRole().name(), Timestamp.from(m.createdAt()), Timestamp.from(m.createdAt()))
                .update();
        for (Role role : m.roles()) {
            grant(m.id(), role, null, m.createdAt());
        }
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT count(*) FROM members WHERE email_key = ?").param(emailKey(email)).query(Long.class).single() > 0;
    }

    boolean handleTaken(String handle) {
        return jdbc.sql("SELECT count(*) FROM members WHERE handle_key = ? OR handle_skeleton = ?")
                .params(handleKey(handle), HandleSkeletons.skeleton(handle)).query(Long.class).single() > 0;
    }

    public Optional<MemberRecord> findByEmail(String email) {
        if (email.indexOf('\u0000') >= 0) {
            // No address holds a NUL (sign-up refuses control characters), and PostgreSQL refuses one in any text it is sent.
            return Optional.empty();
        }
        return jdbc.sql("SELECT m.*, " + ROLES + " FROM members m WHERE email_key = ?").param(emailKey(email))
                .query(this::member).optional();
    }

    public Optional<MemberRecord> findById(UUID id) {
        return jdbc.sql("SELECT m.*, " + ROLES + " FROM members m WHERE id = ?").param(id).query(this::member).optional();
    }

    Map<UUID, String> handles(Collection<UUID> ids) {
        Map<UUID, String> handles = new HashMap<>();
        if (ids.isEmpty()) {
            return handles;
        }
        jdbc.sql("SELECT id, handle FROM members WHERE id = ANY(?)")
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    handles.put(rs.getObject("id", UUID.class), rs.getString("handle"));
                });
        return handles;
    }

    void updatePassword(UUID id, String hash, Instant at) {
        jdbc.sql("UPDATE members SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(hash, Timestamp.from(at), id).update();
    }

    boolean grant(UUID memberId, Role role, UUID grantedBy, Instant at) {
        return jdbc.sql("""
                INSERT INTO member_roles (member_id, role, granted_at, granted_by) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(memberId, role.name(), Timestamp.from(at), grantedBy).update() > 0;
    }

    boolean revoke(UUID memberId, Role role) {
        return jdbc.sql("DELETE FROM member_roles WHERE member_id = ? AND role = ?").params(memberId, role.name()).update() > 0;
    }

    void audit(UUID actor, String action, UUID subject, String detail, Instant at) {
        jdbc.sql("INSERT INTO account_audit (at, actor_id, action, subject_id, detail) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), actor, action, subject, detail).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM members WHERE id = ?").param(id).update();
    }

    List<ChildProfile> children(UUID memberId) {
        return jdbc.sql("SELECT id, nickname, birth_month FROM children WHERE member_id = ? ORDER BY birth_month, nickname")
                .param(memberId)
                .query((rs, n) -> new ChildProfile(rs.getObject("id", UUID.class), rs.getString("nickname"),
                        YearMonth.from(rs.getDate("birth_month").toLocalDate())))
                .list();
    }

    int countChildren(UUID memberId) {
        return jdbc.sql("SELECT count(*) FROM children WHERE member_id = ?").param(memberId).query(Integer.class).single();
    }

    void insertChild(UUID memberId, ChildProfile child, Instant at) {
        jdbc.sql("INSERT INTO children (id, member_id, nickname, birth_month, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(child.id(), memberId, child.nickname(), Date.valueOf(child.birthMonth().atDay(1)), Timestamp.from(at))
                .update();
    }

    boolean deleteChild(UUID memberId, UUID childId) {
        return jdbc.sql("DELETE FROM children WHERE id = ? AND member_id = ?").params(childId, memberId).update() > 0;
    }

    List<MemberRecord> withRole(Role role) {
        return jdbc.sql("SELECT m.*, " + ROLES + " FROM members m JOIN member_roles r ON r.member_id = m.id WHERE r.role = ? ORDER BY m.handle_key")
                .param(role.name()).query(this::member).list();
    }

    /**
     * The member's roles in the same row. Reading them with a second query from inside the row mapper took a
     * second pooled connection while holding the first: ten sign-ins at once held all ten and waited for an
     * eleventh for ever (SafetyLoadTest found it).
     */
    private static final String ROLES = "ARRAY(SELECT role FROM member_roles x WHERE x.member_id = m.id) AS role_names";

    private MemberRecord member(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) rs.getArray("role_names").getArray()) {
            roles.add(Role.valueOf(name));
        }
        return new MemberRecord(id, rs.getString("email"), rs.getString("password_hash"), rs.getString("handle"),
                FamilyRole.valueOf(rs.getString("family_role")), roles, rs.getTimestamp("created_at").toInstant());
    }
}
