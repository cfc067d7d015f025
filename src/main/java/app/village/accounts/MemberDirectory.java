package app.village.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read access to members for other modules. */
public interface MemberDirectory {

    Optional<Member> find(UUID id);

    /** Public handles of the members that still exist, by id; erased members are absent. */
    Map<UUID, String> handles(Collection<UUID> ids);

    List<ChildProfile> children(UUID memberId);
}
