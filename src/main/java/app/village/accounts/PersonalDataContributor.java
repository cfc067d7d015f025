package app.village.accounts;

import java.util.UUID;

/**
 * A module's share of a member's data export. Implementations return plain data (records, lists,
 * maps) that serialises to JSON.
 */
public interface PersonalDataContributor {

    /** The key of this module's section in the export, for example {@code "community"}. */
    String section();

    Object export(UUID memberId);
}
