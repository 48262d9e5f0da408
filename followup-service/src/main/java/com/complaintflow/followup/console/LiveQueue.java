package com.complaintflow.followup.console;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open console pages' server-sent event streams: each change of a case (opened,
 * reminded, acted on) is sent to every page as the case id, and the page reloads what it
 * shows of it. Only ids travel: no personal data leaves through the stream. Each page is
 * written to by a sender thread of its own while it has ids waiting, never by the caller
 * (the Kafka listener): a browser that stops reading holds back only its own stream,
 * which ends once {@link #MAX_WAITING} ids wait for it (the page reconnects and reloads
 * when it reads again).
 */
@Component
class LiveQueue {

	/** A page reconnects by itself when its stream ends (EventSource does). */
	private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

	/**
	 * Case ids waiting for one page before its stream is ended: a page that stopped
	 * reading, or a burst of changes larger than this (the page then reloads everything
	 * once it has reconnected, which is what so many changes call for anyway).
	 */
	static final int MAX_WAITING = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(LiveQueue.class);

	private final List<Page> pages = new CopyOnWriteArrayList<>();

	private final ExecutorService senders = Executors.newCachedThreadPool(new SenderThreads());

	/** A new page's stream. */
	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		Page page = open(emitter);
		try {
			emitter.send(SseEmitter.event().comment("connected"));
		}
		catch (IOException ex) {
			this.pages.remove(page);
		}
		return emitter;
	}

	/** Starts sending changes to a page's stream. */
	Page open(SseEmitter emitter) {
		Page page = new Page(emitter);
		this.pages.add(page);
		emitter.onCompletion(() -> this.pages.remove(page));
		emitter.onTimeout(() -> this.pages.remove(page));
		emitter.onError((ex) -> this.pages.remove(page));
		return page;
	}

	/** Tells every open page that a case changed; returns without waiting for them. */
	void changed(String caseId) {
		for (Page page : this.pages) {
			page.offer(caseId);
		}
	}

	/**
	 * Ends every stream when the service stops, so its graceful shutdown does not wait
	 * for open console pages (they reconnect to another instance by themselves).
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		for (Page page : this.pages) {
			page.emitter.complete();
		}
		this.pages.clear();
	}

	@PreDestroy
	void stopSenders() {
		this.senders.shutdown();
	}

	int pages() {
		return this.pages.size();
	}

	/** One page's stream and the case ids waiting to be sent to it, each once. */
	final class Page {

		private final SseEmitter emitter;

		private final Set<String> waiting = new LinkedHashSet<>();

		private boolean sending;

		private boolean fellBehind;

		private Page(SseEmitter emitter) {
			this.emitter = emitter;
		}

		void offer(String caseId) {
			synchronized (this) {
				if (this.fellBehind) {
					return;
				}
				if (this.waiting.size() >= MAX_WAITING) {
					// its sender ends the stream once the blocked write returns
					this.fellBehind = true;
					LiveQueue.this.pages.remove(this);
					return;
				}
				this.waiting.add(caseId);
				if (this.sending) {
					return;
				}
				this.sending = true;
			}
			try {
				LiveQueue.this.senders.execute(this::sendWaiting);
			}
			catch (RejectedExecutionException ex) {
				// the service is stopping: closeAll ends the streams
				LiveQueue.this.pages.remove(this);
			}
		}

		private void sendWaiting() {
			for (String caseId = next(); caseId != null; caseId = next()) {
				try {
					this.emitter.send(SseEmitter.event().name("case").data(caseId));
				}
				catch (IOException | IllegalStateException ex) {
					// the page went away: its stream is dropped
					LiveQueue.this.pages.remove(this);
					return;
				}
			}
			if (fellBehind()) {
				logger.debug("A console page's stream ended: it stopped reading while its changes piled up");
				// EventSource reconnects, and the page reloads what it shows
				this.emitter.complete();
			}
		}

		/** The next id to send, or null when none waits or the page fell behind. */
		private synchronized String next() {
			Iterator<String> first = this.waiting.iterator();
			if (this.fellBehind || !first.hasNext()) {
				this.waiting.clear();
				this.sending = false;
				return null;
			}
			String caseId = first.next();
			first.remove();
			return caseId;
		}

		private synchronized boolean fellBehind() {
			return this.fellBehind;
		}

	}

	/** Named daemon threads, so a thread dump says what they are. */
	private static final class SenderThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "console-live-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
