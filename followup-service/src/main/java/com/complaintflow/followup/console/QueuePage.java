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
 * or only the agent's own (both part of the case search, so the page shows all of that
 * queue's cases it can); the rows are reloaded whenever the live stream says a case
 * changed.
 */
@Controller
@RequestMapping("/console/queue")
class QueuePage {

	private final CaseQueue cases;

	private final TeamLoads teams;

	QueuePage(CaseQueue cases, TeamLoads teams) {
		this.cases = cases;
		this.teams = teams;
	}

	@GetMapping
	String page(@RequestParam(required = false) String queue, @RequestParam(defaultValue = "false") boolean mine,
			Principal staff, Model model) {
		List<QueueItem> shown = fill(queue, mine, staff, model);
		// the filter offers every queue with work (the agent's own: those of their
		// cases), whichever one is shown
		List<QueueItem> own = (mine && model.getAttribute("queue") != null) ? this.cases.working(staff.getName())
				: shown;
		model.addAttribute("queues", mine ? CaseQueue.queues(own) : this.teams.queues());
		return "console/queue";
	}

	@GetMapping("/rows")
	String rows(@RequestParam(required = false) String queue, @RequestParam(defaultValue = "false") boolean mine,
			Principal staff, Model model) {
		fill(queue, mine, staff, model);
		return "console/queue :: rows";
	}

	private List<QueueItem> fill(String queue, boolean mine, Principal staff, Model model) {
		String selected = (queue != null && !queue.isBlank()) ? queue : null;
		List<QueueItem> shown = this.cases.working(agent(mine, staff), selected);
		model.addAttribute("mine", mine);
		model.addAttribute("queue", selected);
		model.addAttribute("items", shown);
		return shown;
	}

	private static String agent(boolean mine, Principal staff) {
		return mine ? staff.getName() : null;
	}

}
