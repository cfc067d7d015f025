package app.village.journal.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.VillageUser;
import app.village.journal.domain.JournalData;
import app.village.platform.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/** Downloading the whole journal (CSV or JSON) and deleting all of it. */
@Controller
class JournalDataController {

    private final JournalData data;
    private final JsonMapper json;

    JournalDataController(JournalData data, JsonMapper json) {
        this.data = data;
        this.json = json;
    }

    @GetMapping("/journal/data")
    String page() {
        return "journal/data";
    }

    @GetMapping("/journal/export.json")
    ResponseEntity<byte[]> exportJson(@AuthenticationPrincipal VillageUser user) {
        return download("village-journal.json", MediaType.APPLICATION_JSON,
                json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data.export(user.id())));
    }

    @GetMapping("/journal/export/check-ins.csv")
    ResponseEntity<byte[]> checkInsCsv(@AuthenticationPrincipal VillageUser user) {
        return download("village-journal-check-ins.csv", CSV, bom(data.checkInsCsv(user.id())));
    }

    @GetMapping("/journal/export/entries.csv")
    ResponseEntity<byte[]> entriesCsv(@AuthenticationPrincipal VillageUser user) {
        return download("village-journal-entries.csv", CSV, bom(data.entriesCsv(user.id())));
    }

    @PostMapping("/journal/delete")
    String deleteAll(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String confirm,
                     RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            throw new InvalidInputException("confirm", "Tick the box to confirm that you want to delete your whole journal. Nothing was deleted.");
        }
        data.deleteAll(user.id());
        redirect.addFlashAttribute("notice", "Your journal is deleted: every check-in and entry.");
        return "redirect:/journal";
    }

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** A byte-order mark, so spreadsheets open the UTF-8 file with its accents and emoji intact. */
    private static byte[] bom(String csv) {
        return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    }

    private static ResponseEntity<byte[]> download(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(type).body(body);
    }
}
