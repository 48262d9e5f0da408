package com.complaintflow.systemtests.hostile;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.complaintflow.localstack.RunningServices;
import com.complaintflow.localstack.Service;

/**
 * The hostile-input suite: thousands of malformed, oversized, injected and unauthorised
 * requests against every endpoint of every service, and poison records on every topic.
 * Passes when no answer is a 5xx, every error is an RFC 9457 problem detail, every
 * service is still healthy, and every poison record reached its dead-letter topic with a
 * reason while the records behind it were processed.
 */
public final class HostileInput {

	private final RunningServices services;

	private final Tally tally = new Tally();

	private long planned;

	public HostileInput(RunningServices services) {
		this.services = services;
	}

	/**
	 * Sends the requests, cycling through every endpoint and every attack, from 16
	 * threads.
	 * @param requestsOrZero how many; 0 for every attack on every endpoint twice
	 * @return this suite, for its results
	 * @throws InterruptedException when interrupted
	 */
	public HostileInput attackHttp(int requestsOrZero) throws InterruptedException {
		List<Endpoint> endpoints = Endpoint.discover(this.services);
		String complaintId = new ComplaintSeed(this.services.url(Service.INTAKE)).create();
		Attack[] attacks = Attack.values();
		int requests = (requestsOrZero > 0) ? requestsOrZero : 2 * endpoints.size() * attacks.length;
		this.planned = requests;
		AtomicLong next = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		for (int worker = 0; worker < 16; worker++) {
			pool.submit(() -> {
				for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
					Endpoint endpoint = endpoints.get((int) (i % endpoints.size()));
					Attack attack = attacks[(int) ((i / endpoints.size()) % attacks.length)];
					send(attack.request(endpoint, new SplittableRandom(i), complaintId));
				}
				return null;
			});
		}
		pool.shutdown();
		if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
			throw new IllegalStateException("The attack did not finish");
		}
		for (Service service : Service.values()) {
			if (!this.services.context(service).isActive()) {
				this.tally.fail(service.serviceName() + " is no longer running");
			}
		}
		System.out.printf("Attacked %d endpoints with %d attack kinds%n", endpoints.size(), attacks.length);
		return this;
	}

	private void send(HostileRequest hostile) {
		this.tally.sent();
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		if (!hostile.contentType().isEmpty() && hostile.body() != null) {
			headers.put("Content-Type", hostile.contentType());
		}
		if (hostile.auth() != null) {
			int colon = hostile.auth().indexOf(':');
			headers.put(hostile.auth().substring(0, colon), hostile.auth().substring(colon + 1).strip());
		}
		try {
			RawHttp.Answer answer = RawHttp.send(this.services.port(hostile.endpoint().service()), hostile.method(),
					hostile.path(), headers, hostile.body());
			classify(hostile, answer);
		}
		catch (IOException | RuntimeException ex) {
			this.tally.fail(hostile.attack() + " " + hostile.endpoint() + ": no answer (" + ex + ")");
		}
	}

	private void classify(HostileRequest hostile, RawHttp.Answer response) {
		int status = response.status();
		this.tally.answered(status);
		String problem = problemWith(response);
		if (problem != null) {
			this.tally.fail(hostile.attack() + " " + hostile.method() + " " + hostile.endpoint() + " -> " + status
					+ ": " + problem);
		}
	}

	/** A qualified name of the project's or the JDK's classes. */
	private static final Pattern JAVA_TYPE = Pattern.compile("\\bcom\\.complaintflow\\.|\\bjava\\.[a-z]+\\.[A-Z]");

	/**
	 * What is wrong with an answer to a hostile request: a 5xx, or a 4xx that is not an
	 * RFC 9457 problem detail or carries a stack trace or a class name; null when nothing
	 * is.
	 */
	static String problemWith(RawHttp.Answer response) {
		int status = response.status();
		if (status >= 500) {
			return "server error " + abbreviate(response.body());
		}
		if (status < 400) {
			return null;
		}
		if (!response.contentType().startsWith("application/problem+json") || !response.body().contains("\"status\"")) {
			return "not a problem detail (" + response.contentType() + ") " + abbreviate(response.body());
		}
		if (response.body().contains("\tat ") || response.body().contains("Exception:")) {
			return "stack trace in the answer";
		}
		if (JAVA_TYPE.matcher(response.body()).find()) {
			return "a server class name in the answer " + abbreviate(response.body());
		}
		return null;
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	public boolean passed() {
		return this.tally.failures().isEmpty();
	}

	/** How many requests the attack was to send. */
	public long planned() {
		return this.planned;
	}

	public long sent() {
		return this.tally.requests();
	}

	public List<String> failures() {
		return this.tally.failures();
	}

	/** The counts by status and the first failures. */
	public String report() {
		return this.tally.report("HTTP");
	}

}
