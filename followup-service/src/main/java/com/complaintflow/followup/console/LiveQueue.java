package com.complaintflow.followup.console;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open console pages' server-sent event streams: each change of a case (opened,
 * reminded, acted on) is sent to every page as the case id, and the page reloads what it
 * shows of it. Only ids travel: no personal data leaves through the stream. Each page is
 * written to by a sender thread of its own while it has ids waiting, never by the caller
 * (the Kafka listener): a browser that stops reading holds back only its own stream,
 * which ends once {@link #MAX_WAITING} ids wait for it (the page reconnects and reloads
 * when it reads again). A page carries the {@link #position() position} of the changes
 * when it was rendered, and its stream first sends the ids that changed since then (a
 * case opened between the rendering and the stream's opening is shown too). Signing out
 * ends every stream of the session, in every tab.
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

	/**
	 * The latest changes kept for pages that open their stream after they were rendered
	 * (usually well under a second later); a page rendered before the oldest of them is
	 * told to reload instead.
	 */
	static final int RECENT_CHANGES = 1_000;

	/** How many of the latest ended sessions are remembered (see {@link #endSession}). */
	private static final int ENDED_SESSIONS = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(LiveQueue.class);

	private final List<Page> pages = new CopyOnWriteArrayList<>();

	/** Names this instance's positions: a page rendered by another is told to reload. */
	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	/** The latest case ids changed, oldest first. */
	private final Deque<String> recent = new ArrayDeque<>();

	/** How many changes this instance has heard: the position of the newest. */
	private long heard;

	/**
	 * The latest sessions that ended, so a stream opened as its session was ending (after
	 * {@link #endSession} looked, before the session was marked invalid) is ended too.
	 */
	private final Set<String> endedSessions = new LinkedHashSet<>();

	private final ExecutorService senders = Executors.newCachedThreadPool(new SenderThreads());

	/**
	 * A new page's stream: it first names the cases changed since the page's position
	 * ({@code since}, null for none), or sends {@code stale} when that position is
	 * unknown here (rendered by another instance, or too long ago), and then every
	 * change. Its first message carries an event id, so the browser's own reconnection
	 * says it is one ({@code Last-Event-ID}, {@code reconnecting}): the page reloads what
	 * it shows then, and nothing is replayed.
	 */
	SseEmitter subscribe(String since, boolean reconnecting, String sessionId) {
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		Page page = open(emitter, sessionId);
		if (ended(sessionId)) {
			this.pages.remove(page);
			emitter.complete();
			return emitter;
		}
		try {
			emitter.send(SseEmitter.event().id(position()).name("connected").data("connected"));
			if (since != null && !reconnecting) {
				Optional<List<String>> missed = changedSince(since);
				if (missed.isPresent()) {
					missed.get().forEach(page::offer);
				}
				else {
					emitter.send(SseEmitter.event().name("stale").data("reload"));
				}
			}
		}
		catch (IOException ex) {
			this.pages.remove(page);
		}
		return emitter;
	}

	/** Where the changes stand now: what a page rendered now carries to its stream. */
	synchronized String position() {
		return this.instance + "." + this.heard;
	}

	/**
	 * The case ids changed after a position, oldest first, each once; empty when the
	 * position is not one of this instance's or older than the changes kept.
	 */
	synchronized Optional<List<String>> changedSince(String position) {
		String prefix = this.instance + ".";
		if (!position.startsWith(prefix)) {
			return Optional.empty();
		}
		long then;
		try {
			then = Long.parseLong(position.substring(prefix.length()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		long missed = this.heard - then;
		if (missed < 0 || missed > this.recent.size()) {
			return Optional.empty();
		}
		Set<String> ids = new LinkedHashSet<>();
		Iterator<String> newestFirst = this.recent.descendingIterator();
		for (long i = 0; i < missed; i++) {
			ids.add(newestFirst.next());
		}
		List<String> oldestFirst = new ArrayList<>(ids);
		Collections.reverse(oldestFirst);
		return Optional.of(oldestFirst);
	}

	/** Starts sending changes to a page's stream (of a session, or null). */
	Page open(SseEmitter emitter, String sessionId) {
		Page page = new Page(emitter, sessionId);
		this.pages.add(page);
		emitter.onCompletion(() -> this.pages.remove(page));
		emitter.onTimeout(() -> this.pages.remove(page));
		emitter.onError((ex) -> this.pages.remove(page));
		return page;
	}

	/** Tells every open page that a case changed; returns without waiting for them. */
	void changed(String caseId) {
		synchronized (this) {
			this.heard++;
			this.recent.addLast(caseId);
			if (this.recent.size() > RECENT_CHANGES) {
				this.recent.removeFirst();
			}
		}
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

	/**
	 * Ends the streams of a session that ended (signed out in one tab, or timed out): the
	 * other tabs' pages find their reconnection refused and go to the sign-in.
	 */
	@EventListener
	void sessionEnded(HttpSessionDestroyedEvent event) {
		endSession(event.getId());
	}

	/** Follows a session to its new id (a sign-in again in another tab changes it). */
	@EventListener
	void sessionIdChanged(HttpSessionIdChangedEvent event) {
		for (Page page : this.pages) {
			if (event.getOldSessionId().equals(page.sessionId)) {
				page.sessionId = event.getNewSessionId();
			}
		}
	}

	/** Ends the streams of a session, and any opened later. */
	void endSession(String sessionId) {
		synchronized (this.endedSessions) {
			this.endedSessions.add(sessionId);
			if (this.endedSessions.size() > ENDED_SESSIONS) {
				this.endedSessions.remove(this.endedSessions.iterator().next());
			}
		}
		for (Page page : this.pages) {
			if (sessionId.equals(page.sessionId)) {
				this.pages.remove(page);
				page.emitter.complete();
			}
		}
	}

	private boolean ended(String sessionId) {
		synchronized (this.endedSessions) {
			return this.endedSessions.contains(sessionId);
		}
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

		private volatile String sessionId;

		private final Set<String> waiting = new LinkedHashSet<>();

		private boolean sending;

		private boolean fellBehind;

		private Page(SseEmitter emitter, String sessionId) {
			this.emitter = emitter;
			this.sessionId = sessionId;
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
