package com.complaintflow.followup.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open console pages' server-sent event streams: each change of a case (opened,
 * reminded, acted on) is sent to every page as the case id, and the page reloads what it
 * shows of it. Only ids travel: no personal data leaves through the stream.
 */
@Component
class LiveQueue {

	/** A page reconnects by itself when its stream ends (EventSource does). */
	private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

	private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();

	/** A new page's stream. */
	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		this.pages.add(emitter);
		emitter.onCompletion(() -> this.pages.remove(emitter));
		emitter.onTimeout(() -> this.pages.remove(emitter));
		emitter.onError((ex) -> this.pages.remove(emitter));
		try {
			emitter.send(SseEmitter.event().comment("connected"));
		}
		catch (IOException ex) {
			this.pages.remove(emitter);
		}
		return emitter;
	}

	/** Tells every open page that a case changed. */
	void changed(String caseId) {
		for (SseEmitter page : this.pages) {
			try {
				page.send(SseEmitter.event().name("case").data(caseId));
			}
			catch (IOException | IllegalStateException ex) {
				// the page went away: its stream is dropped
				this.pages.remove(page);
			}
		}
	}

	/**
	 * Ends every stream when the service stops, so its graceful shutdown does not wait
	 * for open console pages (they reconnect to another instance by themselves).
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		for (SseEmitter page : this.pages) {
			page.complete();
		}
		this.pages.clear();
	}

	int pages() {
		return this.pages.size();
	}

}
