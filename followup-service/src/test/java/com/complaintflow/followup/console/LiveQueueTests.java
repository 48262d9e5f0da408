package com.complaintflow.followup.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live queue's pages: a page whose browser stops reading (its write blocks, as a
 * socket's does once the browser's buffers are full) holds back neither the Kafka
 * listener that reports the change nor the other pages, its stream ends once it has
 * fallen too far behind, and a case's repeated changes wait for a page as one; a page
 * learns what changed since it was rendered, or that it must reload.
 */
class LiveQueueTests {

	static final Duration SOON = Duration.ofSeconds(5);

	final LiveQueue live = new LiveQueue();

	final CountDownLatch browserReadsAgain = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.browserReadsAgain.countDown();
		this.live.stopSenders();
	}

	@Test
	void aPageThatStopsReadingHoldsBackNeitherTheListenerNorTheOtherPages() {
		Stream stuck = new Stream(this.browserReadsAgain);
		Stream reading = new Stream(null);
		this.live.open(stuck, null);
		this.live.open(reading, null);

		CompletableFuture<Void> reported = CompletableFuture.runAsync(() -> {
			this.live.changed("case-1");
			this.live.changed("case-2");
		});

		assertThat(reported).succeedsWithin(SOON);
		await().atMost(SOON).until(() -> reading.sent().equals(List.of("case-1", "case-2")));
		assertThat(stuck.sent()).isEmpty();
		this.browserReadsAgain.countDown();
		await().atMost(SOON).until(() -> stuck.sent().equals(List.of("case-1", "case-2")));
	}

	@Test
	void aPageThatFellTooFarBehindIsDroppedAndItsStreamEndedWhenItReadsAgain() {
		Stream stuck = new Stream(this.browserReadsAgain);
		this.live.open(stuck, null);
		this.live.changed("case-0");
		await().atMost(SOON).until(() -> stuck.writing);

		for (int i = 1; i <= LiveQueue.MAX_WAITING; i++) {
			this.live.changed("case-" + i);
		}
		assertThat(this.live.pages()).isEqualTo(1);
		this.live.changed("one-too-many");

		assertThat(this.live.pages()).isZero();
		this.browserReadsAgain.countDown();
		await().atMost(SOON).until(() -> stuck.completed);
		assertThat(stuck.sent()).containsExactly("case-0");
	}

	@Test
	void aCaseThatChangesTwiceWhileWaitingForAPageIsSentToItOnce() {
		Stream stuck = new Stream(this.browserReadsAgain);
		this.live.open(stuck, null);
		this.live.changed("case-1");
		await().atMost(SOON).until(() -> stuck.writing);

		this.live.changed("case-2");
		this.live.changed("case-3");
		this.live.changed("case-2");
		this.browserReadsAgain.countDown();
		// sent after every id before it, so once it is there nothing else is on its way
		this.live.changed("last");

		await().atMost(SOON).until(() -> stuck.sent().contains("last"));
		assertThat(stuck.sent()).containsExactly("case-1", "case-2", "case-3", "last");
	}

	@Test
	void aPageRenderedBeforeSomeChangesIsToldEachCaseOnceInTheOrderOfItsLastChange() {
		this.live.changed("before");
		String rendered = this.live.position();

		this.live.changed("case-1");
		this.live.changed("case-2");
		this.live.changed("case-1");

		assertThat(this.live.changedSince(rendered)).hasValue(List.of("case-2", "case-1"));
		assertThat(this.live.changedSince(this.live.position())).hasValue(List.of());
	}

	@Test
	void aPositionThisInstanceCannotAnswerForIsUnknownSoThePageReloads() {
		String rendered = this.live.position();
		String instance = rendered.substring(0, rendered.indexOf('.'));

		assertThat(this.live.changedSince("another.0")).isEmpty();
		assertThat(this.live.changedSince(instance + ".1")).as("ahead of this instance").isEmpty();
		assertThat(this.live.changedSince(instance + ".x")).isEmpty();
		for (int i = 0; i < LiveQueue.RECENT_CHANGES; i++) {
			this.live.changed("case-" + i);
		}
		assertThat(this.live.changedSince(rendered))
			.hasValueSatisfying((ids) -> assertThat(ids).hasSize(LiveQueue.RECENT_CHANGES).startsWith("case-0"));
		this.live.changed("one more");
		assertThat(this.live.changedSince(rendered)).as("older than the changes kept").isEmpty();
	}

	/**
	 * A page's stream as the queue sees it: records the case ids it was sent; when given
	 * a latch, its first write blocks until the latch opens, as a write to a browser that
	 * stopped reading does.
	 */
	static final class Stream extends SseEmitter {

		private final CountDownLatch readsAgain;

		private final List<String> sent = new CopyOnWriteArrayList<>();

		volatile boolean writing;

		volatile boolean completed;

		Stream(CountDownLatch readsAgain) {
			this.readsAgain = readsAgain;
		}

		@Override
		public void send(SseEventBuilder event) throws IOException {
			this.writing = true;
			if (this.readsAgain != null) {
				try {
					this.readsAgain.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
			}
			this.sent.add(event.build()
				.stream()
				.map((part) -> part.getData().toString())
				.collect(Collectors.joining())
				.replaceAll("(?s).*data:(\\S+).*", "$1"));
		}

		@Override
		public void complete() {
			this.completed = true;
		}

		List<String> sent() {
			return List.copyOf(this.sent);
		}

	}

}
