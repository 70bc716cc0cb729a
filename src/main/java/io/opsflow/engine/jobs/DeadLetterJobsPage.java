package io.opsflow.engine.jobs;

import io.opsflow.platform.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/jobs} (admins only, by the web security rules): the dead-letter jobs with their
 * reason, one job's stack trace, and retrying one job, the selected ones or all shown.
 */
@Controller
@RequestMapping("/admin/jobs")
class DeadLetterJobsPage {

    static final int PAGE_SIZE = 50;

    private final DeadLetterJobs jobs;

    DeadLetterJobsPage(DeadLetterJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", jobs.list(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("retries", DeadLetterJobs.RETRIES);
        return "admin/jobs";
    }

    @GetMapping("/{id}")
    String details(@PathVariable String id, Model model, RedirectAttributes redirect) {
        var job = jobs.find(id);
        if (job.isEmpty()) {
            redirect.addFlashAttribute("problem", "That job is no longer in the dead-letter table; it was retried or deleted.");
            return "redirect:/admin/jobs";
        }
        model.addAttribute("job", job.get());
        model.addAttribute("stackTrace", jobs.stackTrace(id).orElse(""));
        model.addAttribute("retries", DeadLetterJobs.RETRIES);
        return "admin/job";
    }

    @PostMapping("/{id}/retry")
    String retryOne(@PathVariable String id, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        return retry(List.of(id), page, redirect);
    }

    /** {@code scope=shown} retries every job the page showed, otherwise the ticked ones. */
    @PostMapping("/retry")
    String retryMany(
            @RequestParam(required = false) List<String> ids,
            @RequestParam(required = false) List<String> shown,
            @RequestParam(defaultValue = "selected") String scope,
            @RequestParam(defaultValue = "0") int page,
            RedirectAttributes redirect) {
        List<String> chosen = "shown".equals(scope) ? shown : ids;
        if (chosen == null || chosen.isEmpty()) {
            redirect.addFlashAttribute("problem", "Tick at least one job to retry.");
            return back(page);
        }
        return retry(chosen, page, redirect);
    }

    private String retry(List<String> ids, int page, RedirectAttributes redirect) {
        if (ids.size() > DeadLetterJobs.MAX_IDS) {
            redirect.addFlashAttribute("problem", "Retry at most " + DeadLetterJobs.MAX_IDS + " jobs at once.");
            return back(page);
        }
        // Jobs another admin retried meanwhile are skipped and counted, the rest move.
        Set<String> gone = jobs.missing(ids);
        List<String> present = new ArrayList<>(ids);
        present.removeAll(gone);
        int moved;
        try {
            moved = present.isEmpty() ? 0 : jobs.retry(present, CurrentUser.required().id());
        } catch (UnknownDeadLetterJobException e) {
            redirect.addFlashAttribute("problem", "Someone retried some of these jobs at the same moment; none moved. Reload and try again.");
            return back(page);
        }
        redirect.addFlashAttribute("message", moved + (moved == 1 ? " job" : " jobs") + " moved back to the executable jobs with "
                + DeadLetterJobs.RETRIES + " tries each." + (gone.isEmpty() ? "" : " " + gone.size()
                + " no longer in the dead-letter table (retried or deleted meanwhile)."));
        return back(page);
    }

    private static String back(int page) {
        return page > 0 ? "redirect:/admin/jobs?page=" + page : "redirect:/admin/jobs";
    }
}
