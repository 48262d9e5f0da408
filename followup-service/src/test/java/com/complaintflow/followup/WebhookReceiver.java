package com.complaintflow.followup;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small real HTTP server standing in for Alertmanager: answers 503 to the first
 * {@code failures} posts, then 200, and keeps every accepted body; a test may have it act
 * on each post before it answers (a slow receiver, one that looks at the outbox).
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger failuresLeft;

	private final AtomicInteger attempts = new AtomicInteger();

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private volatile Consumer<String> onEachPost = (body) -> {
	};

	private WebhookReceiver(int failures) throws IOException {
		this.failuresLeft = new AtomicInteger(failures);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/v2/alerts", this::handle);
		this.server.start();
	}

	public static WebhookReceiver start(int failures) {
		try {
			return new WebhookReceiver(failures);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/v2/alerts";
	}

	public List<String> accepted() {
		return List.copyOf(this.accepted);
	}

	public int attempts() {
		return this.attempts.get();
	}

	public void failNext(int failures) {
		this.failuresLeft.set(failures);
	}

	/**
	 * Runs this with each post's body before answering it.
	 * @param action what to do (it runs on the receiver's thread)
	 */
	public void onEachPost(Consumer<String> action) {
		this.onEachPost = action;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			this.attempts.incrementAndGet();
			this.onEachPost.accept(text);
			boolean fail = this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
			if (!fail) {
				this.accepted.add(text);
			}
			exchange.sendResponseHeaders(fail ? 503 : 200, -1);
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
