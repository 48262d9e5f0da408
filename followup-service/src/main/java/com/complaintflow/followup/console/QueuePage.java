package com.complaintflow.followup.console;

import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent's queue: working cases, soonest breach first, optionally of one team's queue
 * or only the agent's own; the rows are reloaded whenever the live stream says a case
 * changed.
 */
@Controller
@RequestMapping("/console/queue")
class QueuePage {

	private final CaseQueue cases;

	QueuePage(CaseQueue cases) {
		this.cases = cases;
	}

	@GetMapping
	String page(@RequestParam(required = false) String queue, @RequestParam(defaultValue = "false") boolean mine,
			Principal staff, Model model) {
		fill(queue, mine, staff, model);
		return "console/queue";
	}

	@GetMapping("/rows")
	String rows(@RequestParam(required = false) String queue, @RequestParam(defaultValue = "false") boolean mine,
			Principal staff, Model model) {
		fill(queue, mine, staff, model);
		return "console/queue :: rows";
	}

	private void fill(String queue, boolean mine, Principal staff, Model model) {
		List<QueueItem> all = this.cases.working(mine ? staff.getName() : null);
		model.addAttribute("mine", mine);
		String selected = (queue != null && !queue.isBlank()) ? queue : null;
		model.addAttribute("queues", CaseQueue.queues(all));
		model.addAttribute("queue", selected);
		model.addAttribute("items",
				all.stream().filter((item) -> selected == null || selected.equals(item.view().queue())).toList());
	}

}
