package app.village.journal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.AccountErased;
import app.village.accounts.PersonalDataContributor;

/**
 * All of a member's journal at once: the export (a download of its own and the journal's
 * section of the account export) and deletion, by the member or with their account.
 */
@Service
public class JournalData implements PersonalDataContributor {

    private final CheckInRepository checkIns;
    private final EntryRepository entries;
    private final PreferenceRepository preferences;
    // Accounts collects every PersonalDataContributor, and check-ins read children from accounts:
    // looked up on use, so neither needs the other to be built first.
    private final ObjectProvider<CheckInService> checkInService;

    JournalData(CheckInRepository checkIns, EntryRepository entries, PreferenceRepository preferences,
                ObjectProvider<CheckInService> checkInService) {
        this.checkIns = checkIns;
        this.entries = entries;
        this.preferences = preferences;
        this.checkInService = checkInService;
    }

    public record ClosenessExport(UUID childId, String child, int closeness) {
    }

    public record CheckInExport(LocalDate day, int mood, List<ClosenessExport> closeness, BigDecimal sleepHours,
                                String medication, String note, int version, Instant createdAt, Instant updatedAt) {
    }

    public record EntryExport(UUID id, String body, int version, Instant createdAt, Instant editedAt) {
    }

    public record Export(String timeZone, List<CheckInExport> checkIns, List<EntryExport> entries,
                         List<Instant> supportRequestedAt) {
    }

    @Override
    public String section() {
        return "journal";
    }

    @Override
    @Transactional(readOnly = true)
    public Export export(UUID memberId) {
        List<CheckIn> all = checkIns.between(memberId, null, LocalDate.of(9999, 12, 31));
        Map<UUID, String> names = checkInService.getObject().childNames(memberId, all);
        List<CheckInExport> days = new ArrayList<>(all.size());
        for (CheckIn c : all) {
            days.add(new CheckInExport(c.day(), c.mood(),
                    c.closeness().stream().map(k -> new ClosenessExport(k.childId(), names.get(k.childId()), k.value())).toList(),
                    c.sleepHours(), c.medication() == null ? null : c.medication().name(), c.note(), c.version(),
                    c.createdAt(), c.updatedAt()));
        }
        List<EntryExport> texts = entries.all(memberId).stream()
                .map(e -> new EntryExport(e.id(), e.body(), e.version(), e.createdAt(), e.editedAt())).toList();
        return new Export(preferences.timeZone(memberId).orElse(null), days, texts, preferences.supportRequests(memberId));
    }

    /** The check-ins as CSV: one row a day, a column per child rated. */
    @Transactional(readOnly = true)
    public String checkInsCsv(UUID memberId) {
        List<CheckIn> all = checkIns.between(memberId, null, LocalDate.of(9999, 12, 31));
        Map<UUID, String> names = new LinkedHashMap<>(checkInService.getObject().childNames(memberId, all));
        names.keySet().removeIf(id -> all.stream().noneMatch(c -> c.closenessTo(id) != null));
        Csv csv = new Csv();
        List<String> header = new ArrayList<>(List.of("day", "mood"));
        names.values().forEach(n -> header.add("closeness: " + n));
        header.addAll(List.of("sleep_hours", "medication", "note", "created_at", "updated_at"));
        csv.row(header);
        for (CheckIn c : all) {
            List<String> row = new ArrayList<>(List.of(c.day().toString(), String.valueOf(c.mood())));
            for (UUID id : names.keySet()) {
                Integer v = c.closenessTo(id);
                row.add(v == null ? "" : v.toString());
            }
            row.add(c.sleepHours() == null ? "" : c.sleepHours().stripTrailingZeros().toPlainString());
            row.add(c.medication() == null ? "" : c.medication().name());
            row.add(c.note() == null ? "" : c.note());
            row.add(c.createdAt().toString());
            row.add(c.updatedAt() == null ? "" : c.updatedAt().toString());
            csv.row(row);
        }
        return csv.toString();
    }

    @Transactional(readOnly = true)
    public String entriesCsv(UUID memberId) {
        Csv csv = new Csv();
        csv.row(List.of("id", "created_at", "edited_at", "version", "text"));
        for (Entry e : entries.all(memberId)) {
            csv.row(List.of(e.id().toString(), e.createdAt().toString(), e.editedAt() == null ? "" : e.editedAt().toString(),
                    String.valueOf(e.version()), e.body()));
        }
        return csv.toString();
    }

    /** Deletes every check-in, entry, preference and support request of the member, in one transaction. */
    @Transactional
    public void deleteAll(UUID memberId) {
        preferences.deleteAll(memberId);
        entries.deleteAll(memberId);
        checkIns.deleteAll(memberId);
    }

    /** Inside the erasing transaction (synchronous on purpose): if this fails, the account stays too. */
    @EventListener
    void on(AccountErased erased) {
        deleteAll(erased.memberId());
    }
}
