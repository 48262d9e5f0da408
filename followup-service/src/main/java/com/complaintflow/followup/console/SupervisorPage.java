package com.complaintflow.followup.console;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The supervisor's view: each team's load, escalations and breaches (over all its working
 * cases), and the escalated or breached cases themselves, soonest breach first.
 */
@Controller
@RequestMapping("/console/supervisor")
class SupervisorPage {

	private final CaseQueue cases;

	private final TeamLoads teams;

	SupervisorPage(CaseQueue cases, TeamLoads teams) {
		this.cases = cases;
		this.teams = teams;
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
		// the teams' figures count every working case; the cases listed are among the
		// soonest due
		model.addAttribute("teams", this.teams.current());
		model.addAttribute("items",
				this.cases.working(null)
					.stream()
					.filter((item) -> TeamLoad.escalated(item) || item.breached())
					.toList());
	}

}
