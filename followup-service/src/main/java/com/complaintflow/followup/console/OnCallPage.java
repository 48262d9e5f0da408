package com.complaintflow.followup.console;

import com.complaintflow.followup.oncall.OnCallAlerts;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The on-call view: what paged (breaches and escalations), why, where its delivery stands
 * and who acknowledged it; acknowledging is for supervisors and operations.
 */
@Controller
@RequestMapping("/console/oncall")
class OnCallPage {

	static final int SHOWN = 100;

	private final OnCallAlerts alerts;

	private final LiveQueue live;

	OnCallPage(OnCallAlerts alerts, LiveQueue live) {
		this.alerts = alerts;
		this.live = live;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("alerts", this.alerts.recent(SHOWN));
		return "console/oncall";
	}

	@GetMapping("/rows")
	String rows(Model model) {
		model.addAttribute("alerts", this.alerts.recent(SHOWN));
		return "console/oncall :: rows";
	}

	@PostMapping("/{alertId}/ack")
	String acknowledge(@PathVariable String alertId, Authentication auth, RedirectAttributes redirect) {
		if (this.alerts.acknowledge(alertId, auth.getName())) {
			redirect.addFlashAttribute("done", "console.done.ack");
			this.live.changed(alertId);
		}
		else {
			redirect.addFlashAttribute("error", "console.error.noAlert");
		}
		return "redirect:/console/oncall";
	}

}
