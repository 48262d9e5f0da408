package com.complaintflow.followup.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for triage's correction API in followup's tests (the real pair runs in the
 * system tests' console journey): a real HTTP server on a free port that records every
 * request and answers a correction with the status set for its complaint (201 by
 * default), the review list and the count of labels not learned from with the status and
 * body set for each (an empty list; none in either language).
 */
public final class TriageStandIn {

	/** Triage's count of labels not learned from, none in either language. */
	static final String NO_LABELS = "[{\"language\":\"zh\",\"labels\":0},{\"language\":\"en\",\"labels\":0}]";

	private static final TriageStandIn INSTANCE = new TriageStandIn();

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

	private volatile int reviewStatus = 200;

	private volatile String reviewBody = "[]";

	private volatile int untrainedStatus = 200;

	private volatile String untrainedBody = NO_LABELS;

	private TriageStandIn() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	/** The stand-in, started on first use. */
	public static TriageStandIn get() {
		return INSTANCE;
	}

	/** Its base URL. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers the complaint's requests with this status from now on. */
	void answer(String complaintId, int status) {
		this.statuses.put(complaintId, status);
	}

	/** Answers the review list with this status and body from now on. */
	void review(int status, String body) {
		this.reviewStatus = status;
		this.reviewBody = body;
	}

	/**
	 * Answers the count of labels not learned from with this status and body from now on.
	 */
	void untrained(int status, String body) {
		this.untrainedStatus = status;
		this.untrainedBody = body;
	}

	/** The review lists asked for, oldest first. */
	List<Request> reviews() {
		return this.requests.stream().filter((request) -> request.path().endsWith("/review")).toList();
	}

	/** The counts of labels not learned from asked for, oldest first. */
	List<Request> untrainedAsked() {
		return this.requests.stream().filter((request) -> request.path().endsWith("/corrections/untrained")).toList();
	}

	/** The requests about the complaint, oldest first. */
	List<Request> requests(String complaintId) {
		return this.requests.stream().filter((request) -> request.path().contains("/" + complaintId + "/")).toList();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Staff-Login"),
				exchange.getRequestHeaders().getFirst("Staff-Role"),
				exchange.getRequestHeaders().getFirst("Idempotency-Key"),
				exchange.getRequestHeaders().getFirst("traceparent"), body));
		boolean review = path.endsWith("/review");
		boolean untrained = path.endsWith("/corrections/untrained");
		int status = review ? this.reviewStatus
				: untrained ? this.untrainedStatus
						: this.statuses.entrySet()
							.stream()
							.filter((entry) -> path.contains("/" + entry.getKey() + "/"))
							.map(Map.Entry::getValue)
							.findFirst()
							.orElse(201);
		byte[] answer = (review ? this.reviewBody : untrained ? this.untrainedBody : "{}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	/**
	 * One request as triage received it.
	 *
	 * @param method the HTTP method
	 * @param path the path
	 * @param query the query string
	 * @param authorization the Authorization header
	 * @param staffLogin the Staff-Login header
	 * @param staffRole the Staff-Role header
	 * @param idempotencyKey the Idempotency-Key header
	 * @param traceparent the W3C trace context header
	 * @param body the body
	 */
	record Request(String method, String path, String query, String authorization, String staffLogin, String staffRole,
			String idempotencyKey, String traceparent, String body) {

	}

}
