package com.complaintflow.followup.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's entry points: the sign-in page, the start page and the live stream every
 * console page listens to.
 */
@Controller
@RequestMapping("/console")
class ConsolePages {

	private final LiveQueue live;

	ConsolePages(LiveQueue live) {
		this.live = live;
	}

	@GetMapping({ "", "/" })
	String start() {
		return "redirect:/console/queue";
	}

	@GetMapping("/login")
	String login() {
		return "console/login";
	}

	@GetMapping(path = "/events", produces = "text/event-stream")
	SseEmitter events() {
		return this.live.subscribe();
	}

}
