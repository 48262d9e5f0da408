package com.complaintflow.followup.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's entry points: the sign-in page, the start page, the live stream every
 * console page listens to, and the session check a page makes when its stream was
 * refused.
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

	/**
	 * A page's live stream; {@code since} is the position the page was rendered at, so
	 * the stream first names what changed in between (not on the browser's own
	 * reconnection, which sends the first message's id back). A stream whose session was
	 * ended while it was being opened (signed out in another tab) is ended at once.
	 */
	@GetMapping(path = "/events", produces = "text/event-stream")
	SseEmitter events(@RequestParam(required = false) String since,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			// ended since the request was let in: the page's reconnection is refused
			SseEmitter ended = new SseEmitter();
			ended.complete();
			return ended;
		}
		return this.live.subscribe(since, lastEventId != null, session.getId());
	}

	/**
	 * 204 while the session lasts (a page's own request, as its reloads: no use of the
	 * console); 401 once it has ended, like every background request.
	 */
	@GetMapping("/session")
	ResponseEntity<Void> session() {
		return ResponseEntity.noContent().build();
	}

}
