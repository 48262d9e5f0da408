package com.complaintflow.followup.console;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The supervisor's view: each team's load, escalations and breaches, and the escalated or
 * breached cases themselves, soonest breach first.
 */
@Controller
@RequestMapping("/console/supervisor")
class SupervisorPage {

	private final CaseQueue cases;

	SupervisorPage(CaseQueue cases) {
		this.cases = cases;
	}

	@GetMapping
	String page(Model model) {
		fill(model);
		return "console/supervisor";
	}

	@GetMapping("/rows")
	String rows(Model model) {
		fill(model);
		return "console/supervisor :: rows";
	}

	private void fill(Model model) {
		List<QueueItem> all = this.cases.working(null);
		model.addAttribute("teams", TeamLoad.of(all));
		model.addAttribute("items",
				all.stream().filter((item) -> TeamLoad.escalated(item) || item.breached()).toList());
	}

}
