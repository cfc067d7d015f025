package app.village.screening.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.village.accounts.AccountErased;
import app.village.accounts.PersonalDataContributor;

/**
 * A member's screenings in their data export, and gone with their account. Erasure runs inside
 * the erasing transaction (a plain, synchronous listener on purpose): if it fails, the account is
 * not erased either.
 */
@Component
class ScreeningPrivacy implements PersonalDataContributor {

    private final ScreeningRepository screenings;

    ScreeningPrivacy(ScreeningRepository screenings) {
        this.screenings = screenings;
    }

    @Override
    public String section() {
        return "screening";
    }

    @Override
    public Object export(UUID memberId) {
        List<Map<String, Object>> all = screenings.byMember(memberId).stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("instrument", s.instrument());
            row.put("version", s.version());
            row.put("completedAt", s.completedAt());
            row.put("answers", s.answers());
            row.put("result", s.result());
            return row;
        }).toList();
        return Map.of("screenings", all);
    }

    @EventListener
    void on(AccountErased erased) {
        screenings.deleteByMember(erased.memberId());
    }
}
