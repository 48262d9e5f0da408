package com.complaintflow.followup.console;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent's queue: working cases, soonest breach first, optionally of one queue; the
 * rows are reloaded whenever the live stream says a case changed.
 */
@Controller
@RequestMapping("/console/queue")
class QueuePage {

	private final CaseQueue cases;

	QueuePage(CaseQueue cases) {
		this.cases = cases;
	}

	@GetMapping
	String page(@RequestParam(required = false) String queue, Model model) {
		fill(queue, model);
		return "console/queue";
	}

	@GetMapping("/rows")
	String rows(@RequestParam(required = false) String queue, Model model) {
		fill(queue, model);
		return "console/queue :: rows";
	}

	private void fill(String queue, Model model) {
		List<QueueItem> all = this.cases.working();
		String selected = (queue != null && !queue.isBlank()) ? queue : null;
		model.addAttribute("queues", CaseQueue.queues(all));
		model.addAttribute("queue", selected);
		model.addAttribute("items",
				all.stream().filter((item) -> selected == null || selected.equals(item.view().queue())).toList());
	}

}
