package com.complaintflow.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.complaintflow.events.Customer;
import com.complaintflow.localstack.RunningServices;
import com.complaintflow.localstack.Service;
import com.complaintflow.triage.model.training.Corrections;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end-to-end scenario, run against any set of running services: complaints posted
 * over HTTP each get a triage decision and an open case, and are counted exactly once in
 * the analytics summary, retries included.
 */
final class EndToEndScenario {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String[] DESCRIPTIONS = {
			"Broadband drops every 15 minutes since this morning, I work from home",
			"My bill charged 68 yuan for a value-added service I never ordered, refund it",
			"手机在家里完全没有信号，打电话总是掉线，已经投诉过三次了", "The store clerk was rude and refused to explain my contract",
			"新买的手机屏幕一直闪，维修了两次还是不行",
			"Competitor offers half price for the same plan, I am thinking about porting my number" };

	private static final String[] CHANNEL_KEYS = { "hotline-dev-key", "store-dev-key", "app-dev-key" };

	private final RunningServices services;

	private final HttpClient http = HttpClient.newHttpClient();

	EndToEndScenario(RunningServices services) {
		this.services = services;
	}

	/**
	 * Posts complaints and checks that each flows through all four services exactly once.
	 * @return the complaints' ids
	 */
	List<String> everyComplaintIsTriagedOpenedAndCountedOnce(int complaints) {
		JsonNode before = settledTotals();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < complaints; i++) {
			String idempotencyKey = UUID.randomUUID().toString();
			String body = complaint(i);
			String key = CHANNEL_KEYS[i % CHANNEL_KEYS.length];
			JsonNode accepted = postComplaint(key, idempotencyKey, body);
			ids.add(accepted.path("complaintId").asString());
			if (i == 0) {
				JsonNode retried = postComplaint(key, idempotencyKey, body);
				assertThat(retried.path("complaintId").asString()).as("a retried request returns the same complaint")
					.isEqualTo(ids.get(0));
			}
		}
		for (String id : ids) {
			await().atMost(WAIT).untilAsserted(() -> {
				JsonNode decision = getJson(Service.TRIAGE, "/api/v1/triage/decisions/" + id, "ops:ops-dev");
				assertThat(decision.path("complaintId").asString()).isEqualTo(id);
				assertThat(decision.path("category").asString()).isNotBlank();
				assertThat(decision.path("playbook").asString()).isNotBlank();
			});
			await().atMost(WAIT).untilAsserted(() -> {
				JsonNode cases = getJson(Service.FOLLOWUP, "/api/v1/cases?complaintId=" + id, "agent:agent-dev");
				assertThat(cases.size()).as("one case for complaint " + id).isEqualTo(1);
				assertThat(cases.get(0).path("status").asString()).isNotBlank();
			});
		}
		long received = before.path("received").asLong() + complaints;
		long triaged = before.path("triaged").asLong() + complaints;
		long opened = before.path("opened").asLong() + complaints;
		await().atMost(WAIT).untilAsserted(() -> assertTotals(received, triaged, opened));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertTotals(received, triaged, opened));
		return ids;
	}

	/**
	 * A customer's complaint goes through intake, triage and followup (a contact, a
	 * progress update, the notices), then OPERATIONS erases the customer: every service
	 * reports what it erased, no document of any collection of any service database still
	 * holds the customer's id, name, phone or any of their words, and analytics still
	 * counts the complaint.
	 */
	void erasureLeavesNoPersonalValueOfTheCustomerAnywhere(String mongoUri) {
		JsonNode before = settledTotals();
		String token = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String customerId = "ERASE-" + token;
		String name = "Erasable Person " + token;
		String phone = "+86 139 " + Math.abs(token.hashCode() % 100_000_000L);
		ObjectNode complaint = JSON.createObjectNode();
		complaint.putObject("customer").put("id", customerId).put("name", name).put("phone", phone).put("tier", "GOLD");
		complaint.putObject("location").put("regionCode", "E2E-ERASE").put("address", "Probe street " + token);
		complaint.put("description", "Broadband drops every 15 minutes since this morning, probe " + token);
		complaint.put("believedCause", "the cabinet outside, probe " + token);
		String complaintId = postComplaint("hotline-dev-key", UUID.randomUUID().toString(), complaint.toString())
			.path("complaintId")
			.asString();
		String caseId = await().atMost(WAIT)
			.until(() -> getJson(Service.FOLLOWUP, "/api/v1/cases?complaintId=" + complaintId, "agent:agent-dev"),
					(cases) -> cases.size() == 1)
			.get(0)
			.path("caseId")
			.asString();
		post(Service.FOLLOWUP, "/api/v1/cases/" + caseId + "/contact", "agent:agent-dev",
				"{\"note\":\"Called " + name + "\"}", 200);
		post(Service.FOLLOWUP, "/api/v1/cases/" + caseId + "/progress", "agent:agent-dev",
				"{\"message\":\"Dear " + name + ", the engineer is on site\"}", 200);
		await().atMost(WAIT)
			.until(() -> getJson(Service.FOLLOWUP, "/api/v1/notifications?customerId=" + customerId, "agent:agent-dev")
				.toString(), (notices) -> notices.contains("\"PROGRESS\"") && notices.contains("\"ACCEPTED\""));
		await().atMost(WAIT)
			.ignoreExceptions()
			.until(() -> getJson(Service.ANALYTICS, "/api/v1/analytics/complaints/" + complaintId + "/timeline",
					"ops:ops-dev")
				.toString(), (timeline) -> timeline.contains("progress-updated"));
		long received = before.path("received").asLong() + 1;
		long triaged = before.path("triaged").asLong() + 1;
		long opened = before.path("opened").asLong() + 1;
		await().atMost(WAIT).untilAsserted(() -> assertTotals(received, triaged, opened));

		post(Service.FOLLOWUP, "/api/v1/operations/erasures", "agent:agent-dev",
				"{\"customerId\":\"" + customerId + "\"}", 403);
		// what records kept after an erasure are keyed to is nobody's id: it cannot be
		// erased (that would delete every outage case an erased customer had opened)
		post(Service.FOLLOWUP, "/api/v1/operations/erasures", "ops:ops-dev",
				"{\"customerId\":\"" + Customer.ERASED_ID + "\"}", 400);
		String erasureId = post(Service.FOLLOWUP, "/api/v1/operations/erasures", "ops:ops-dev",
				"{\"customerId\":\"" + customerId + "\",\"reference\":\"PIPL-47-" + UUID.randomUUID() + "\"}", 202)
			.path("erasureId")
			.asString();
		JsonNode status = await().atMost(WAIT)
			.until(() -> getJson(Service.FOLLOWUP, "/api/v1/operations/erasures/" + erasureId, "ops:ops-dev"),
					(answer) -> answer.path("complete").asBoolean());
		// the idempotency record dropped the complaint's words once Kafka had it: only
		// the status view names the customer
		assertThat(status.path("services").path("intake").path("erased").path("complaint_status").asLong())
			.as(status.toString())
			.isEqualTo(1);
		assertThat(status.path("services").path("intake").path("erased").has("idempotency_keys")).isFalse();
		assertThat(status.path("services").path("triage").path("erased").path("decisions").asLong()).isEqualTo(1);
		assertThat(status.path("services").path("followup").path("erased").path("cases").asLong()).isEqualTo(1);
		assertThat(status.path("services").path("analytics").path("status").asString()).isEqualTo("KEPT");

		List<String> values = List.of(token, customerId, name, phone);
		assertThat(documentsHolding(mongoUri, values)).as("documents still holding a personal value").isEmpty();
		assertTotals(received, triaged, opened);
	}

	/**
	 * Every document, in every collection of every database, whose JSON holds a value.
	 */
	private static List<String> documentsHolding(String mongoUri, List<String> values) {
		List<String> found = new ArrayList<>();
		try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(mongoUri)) {
			for (String database : client.listDatabaseNames()) {
				for (String collection : client.getDatabase(database).listCollectionNames()) {
					for (org.bson.Document document : client.getDatabase(database).getCollection(collection).find()) {
						String json = document.toJson();
						if (values.stream().anyMatch(json::contains)) {
							found.add(database + "." + collection + " " + document.get("_id"));
						}
					}
				}
			}
		}
		return found;
	}

	private JsonNode post(Service service, String path, String credentials, String body, int expected) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.services.url(service) + path))
			.header("Authorization", basic(credentials))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(expected);
		return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
	}

	/**
	 * The correction loop across services: a complaint is triaged, an agent corrects its
	 * category and confirms its persona, both are in the training command's input
	 * (triage's export read as the command reads it), and analytics counts the category
	 * corrected and the persona checked but not corrected, next to the playbook's
	 * retention.
	 */
	void aCorrectionReachesTheTrainingInputAndTheCorrectionRate(Path dir) throws IOException {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("customer").put("id", "E2E-" + UUID.randomUUID()).put("tier", "SILVER");
		body.putObject("location").put("regionCode", "E2E-C");
		body.put("description", "My bill went up by 20 dollars this month and nobody told me why");
		String id = postComplaint(CHANNEL_KEYS[2], UUID.randomUUID().toString(), body.toString()).path("complaintId")
			.asString();
		JsonNode decision = await().atMost(WAIT)
			.ignoreExceptions()
			.until(() -> getJson(Service.TRIAGE, "/api/v1/triage/decisions/" + id, "ops:ops-dev"),
					(node) -> node.has("playbook"));
		String playbook = decision.path("playbook").asString();
		String category = decision.path("category").asString().equals("PRODUCT") ? "BILLING" : "PRODUCT";
		long before = figure(playbook, "/corrections/byField/category/corrected");
		long personasChecked = figure(playbook, "/corrections/byField/persona/checked");
		long personasCorrected = figure(playbook, "/corrections/byField/persona/corrected");

		HttpResponse<String> corrected = send(HttpRequest
			.newBuilder(
					URI.create(this.services.url(Service.TRIAGE) + "/api/v1/triage/decisions/" + id + "/corrections"))
			.header("Authorization", basic("agent:agent-dev"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"field\":\"category\",\"value\":\"" + category + "\"}"))
			.build());
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
		HttpResponse<String> confirmed = send(HttpRequest
			.newBuilder(
					URI.create(this.services.url(Service.TRIAGE) + "/api/v1/triage/decisions/" + id + "/confirmations"))
			.header("Authorization", basic("agent:agent-dev"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"field\":\"persona\"}"))
			.build());
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);

		HttpResponse<String> export = send(
				HttpRequest.newBuilder(URI.create(this.services.url(Service.TRIAGE) + "/api/v1/triage/corrections"))
					.header("Authorization", basic("supervisor:supervisor-dev"))
					.GET()
					.build());
		assertThat(export.statusCode()).isEqualTo(200);
		Path file = dir.resolve("corrections.jsonl");
		Files.writeString(file, export.body(), StandardCharsets.UTF_8);
		assertThat(Corrections.read(file).examples()).anySatisfy((example) -> {
			assertThat(example.key()).isEqualTo(id);
			assertThat(example.label("category")).isEqualTo(category);
		}).anySatisfy((example) -> {
			assertThat(example.key()).isEqualTo(id);
			assertThat(example.label("persona")).isEqualTo(decision.path("persona").asString());
		});
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(figure(playbook, "/corrections/byField/category/corrected")).isEqualTo(before + 1);
			assertThat(figure(playbook, "/corrections/byField/persona/checked")).isEqualTo(personasChecked + 1);
		});
		assertThat(figure(playbook, "/corrections/byField/persona/corrected")).isEqualTo(personasCorrected);
	}

	/**
	 * One of analytics' correction figures of one playbook's decisions (0 when absent).
	 */
	private long figure(String playbook, String pointer) {
		for (JsonNode row : getJson(Service.ANALYTICS, "/api/v1/analytics/retention", "ops:ops-dev")) {
			if (row.path("playbook").asString().equals(playbook)) {
				return row.at(pointer).asLong(0);
			}
		}
		return 0;
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The stack-wide totals once they stand still. The stack is shared: complaints of
	 * earlier tests may still be on their way to analytics, and counted after this
	 * reading they would pass for this scenario's. The received, triaged and opened
	 * totals must read the same at three polls three seconds apart.
	 */
	private JsonNode settledTotals() {
		AtomicReference<String> previous = new AtomicReference<>("");
		AtomicInteger unchanged = new AtomicInteger();
		return await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(3))
			.until(() -> summary().path("totals"), (totals) -> {
				String counted = totals.path("received").asLong() + "/" + totals.path("triaged").asLong() + "/"
						+ totals.path("opened").asLong();
				boolean same = counted.equals(previous.getAndSet(counted));
				return ((same) ? unchanged.incrementAndGet() : unchanged.getAndSet(0)) >= 2;
			});
	}

	private void assertTotals(long received, long triaged, long opened) {
		JsonNode totals = summary().path("totals");
		assertThat(totals.path("received").asLong()).as("received").isEqualTo(received);
		assertThat(totals.path("triaged").asLong()).as("triaged").isEqualTo(triaged);
		assertThat(totals.path("opened").asLong()).as("opened").isEqualTo(opened);
	}

	JsonNode summary() {
		return getJson(Service.ANALYTICS, "/api/v1/analytics/summary", "ops:ops-dev");
	}

	private static String complaint(int i) {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("customer").put("id", "E2E-" + UUID.randomUUID()).put("tier", "GOLD");
		body.putObject("location").put("regionCode", "E2E-" + (i % 3));
		body.put("description", DESCRIPTIONS[i % DESCRIPTIONS.length]);
		return body.toString();
	}

	JsonNode postComplaint(String apiKey, String idempotencyKey, String body) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.services.url(Service.INTAKE) + "/api/v1/complaints"))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", apiKey)
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JSON.readTree(response.body());
	}

	JsonNode getJson(Service service, String path, String credentials) {
		return JSON.readTree(getText(service, path, credentials));
	}

	/** The body of a GET that must answer 200. */
	String getText(Service service, String path, String credentials) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.services.url(service) + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
