package com.complaintflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * What {@code ./run-local.sh --smoke} checks once the stack is healthy: posts the
 * README's complaint exactly as its {@code curl} does, then waits until analytics has
 * counted it once (received, triaged and its case opened, in the complaint's timeline,
 * and each exactly once in the summary of the fresh stack, which counts nothing else: a
 * total can read 2 for the moment the complaint moves from its received bucket to its
 * triaged one, docs/analytics.md, so the check waits for the totals to settle).
 */
final class SmokeCheck {

	/** The README's {@code curl}, byte for byte the same complaint. */
	static final String README_COMPLAINT = """
			{"customer":{"id":"C-1001","name":"Zhang Wei","phone":"+8613800138000","tier":"GOLD"},
			 "location":{"regionCode":"BJ-CY","address":"Chaoyang, Beijing"},
			 "description":"Broadband drops every 15 minutes since this morning, I have reported this three times",
			 "expectedRemedy":{"kind":"FIX"}}""";

	private static final List<String> COUNTED = List.of("complaint-received", "complaint-triaged", "case-opened");

	private static final List<String> COUNTED_TOTALS = List.of("received", "triaged", "opened");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Function<Service, String> urls;

	SmokeCheck(Function<Service, String> urls) {
		this.urls = urls;
	}

	/**
	 * Posts the complaint and waits until it is counted.
	 * @param timeout how long analytics may take
	 * @return what was seen, for the log
	 * @throws IllegalStateException when the complaint is refused or not counted in time
	 */
	String run(Duration timeout) {
		HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri(Service.INTAKE, "/api/v1/complaints"))
			.header("X-Api-Key", "hotline-dev-key")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "7f1c2a9e-demo-0001")
			.POST(HttpRequest.BodyPublishers.ofString(README_COMPLAINT)));
		if (accepted.statusCode() != 202) {
			throw new IllegalStateException("intake answered " + accepted.statusCode() + ": " + accepted.body());
		}
		String complaintId = JSON.readTree(accepted.body()).path("complaintId").asString();
		JsonNode totals;
		try {
			totals = await("complaint " + complaintId + " counted once by analytics").atMost(timeout)
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> countedOnce(complaintId), Objects::nonNull);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("Complaint " + complaintId + " was accepted (202) but not counted once in "
					+ timeout.toSeconds() + " s: timeline " + timeline(complaintId) + ", summary totals " + totals(),
					ex);
		}
		return "SMOKE OK: " + complaintId + " accepted (202), triaged, case opened and counted once; summary totals "
				+ totals;
	}

	/**
	 * The summary's totals once the complaint's timeline holds each counted event and
	 * each total counts it once, else null.
	 */
	private JsonNode countedOnce(String complaintId) {
		if (!timeline(complaintId).containsAll(COUNTED)) {
			return null;
		}
		JsonNode totals = summaryTotals();
		return COUNTED_TOTALS.stream().allMatch((stage) -> totals.path(stage).asInt() == 1) ? totals : null;
	}

	private JsonNode summaryTotals() {
		return ops("/api/v1/analytics/summary").path("totals");
	}

	/** The summary's totals for a failure's message, or why they could not be read. */
	private String totals() {
		try {
			return summaryTotals().toString();
		}
		catch (RuntimeException ex) {
			return "unread (" + ex.getMessage() + ")";
		}
	}

	private List<String> timeline(String complaintId) {
		try {
			return ops("/api/v1/analytics/complaints/" + complaintId + "/timeline").path("events")
				.valueStream()
				.map((event) -> event.path("type").asString())
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private JsonNode ops(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(Service.ANALYTICS, path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("ops:ops-dev".getBytes(StandardCharsets.UTF_8)))
			.GET());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("analytics answered " + response.statusCode() + " for " + path);
		}
		return JSON.readTree(response.body());
	}

	private URI uri(Service service, String path) {
		return URI.create(this.urls.apply(service) + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer from " + request.build().uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
