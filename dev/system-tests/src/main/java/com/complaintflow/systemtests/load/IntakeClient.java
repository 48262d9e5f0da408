package com.complaintflow.systemtests.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts complaints to intake over real HTTP, as a channel would.
 */
public final class IntakeClient {

	private static final Pattern COMPLAINT_ID = Pattern.compile("\"complaintId\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http;

	private final URI endpoint;

	public IntakeClient(String intakeUrl) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		this.endpoint = URI.create(intakeUrl + "/api/v1/complaints");
	}

	/** What intake answered. */
	public record Answer(int status, String complaintId, long latencyNanos, String body) {

		public boolean accepted() {
			return this.status == 202;
		}

		/**
		 * Worth retrying with the same Idempotency-Key: unavailable, timed out, or no
		 * answer at all.
		 */
		public boolean retryable() {
			return this.status == 503 || this.status == 0 || this.status == 429 || this.status == 409;
		}

	}

	/** Sends one request; connection failures answer status 0. */
	public CompletableFuture<Answer> post(ComplaintPayloads.Request request) {
		HttpRequest httpRequest = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", request.apiKey())
			.header("Idempotency-Key", request.idempotencyKey())
			.POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8))
			.build();
		long started = System.nanoTime();
		return this.http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.handle((response, failure) -> {
				long latency = System.nanoTime() - started;
				if (failure != null) {
					return new Answer(0, null, latency, String.valueOf(failure));
				}
				Matcher id = COMPLAINT_ID.matcher(response.body());
				return new Answer(response.statusCode(), id.find() ? id.group(1) : null, latency, response.body());
			});
	}

	/** Sends and waits. */
	public Answer postAndWait(ComplaintPayloads.Request request) {
		try {
			return post(request).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
