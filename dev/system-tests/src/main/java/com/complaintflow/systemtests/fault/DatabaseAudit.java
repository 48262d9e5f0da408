package com.complaintflow.systemtests.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the services' own databases after a fault run: one triage decision and one case
 * per accepted complaint, and the analytics totals equal to the accepted count.
 */
final class DatabaseAudit {

	private final String mongoUri;

	private final Set<String> accepted;

	DatabaseAudit(String mongoUri, Set<String> accepted) {
		this.mongoUri = mongoUri;
		this.accepted = accepted;
	}

	List<FaultInjection.Check> check(String analyticsUrl) {
		List<FaultInjection.Check> checks = new ArrayList<>();
		try (MongoClient client = MongoClients.create(this.mongoUri)) {
			checks.add(onePerComplaint("one triage decision per complaint (triage.decisions)",
					countByComplaint(client, "triage", "decisions", new Document())));
			checks.add(onePerComplaint("one case per complaint (followup.cases)",
					countByComplaint(client, "followup", "cases", new Document("kind", "COMPLAINT"))));
		}
		JsonNode totals = summaryTotals(analyticsUrl);
		int expected = this.accepted.size();
		boolean counted = totals.path("received").asLong() == expected && totals.path("triaged").asLong() == expected
				&& totals.path("opened").asLong() == expected;
		checks.add(new FaultInjection.Check("counted exactly once in analytics (summary totals)", counted,
				"received=" + totals.path("received").asLong() + " triaged=" + totals.path("triaged").asLong()
						+ " opened=" + totals.path("opened").asLong() + " expected=" + expected));
		return checks;
	}

	private FaultInjection.Check onePerComplaint(String name, Map<String, Integer> counts) {
		long missing = this.accepted.stream().filter((id) -> !counts.containsKey(id)).count();
		long doubled = counts.values().stream().filter((count) -> count > 1).count();
		long extra = counts.keySet().stream().filter((id) -> !this.accepted.contains(id)).count();
		return new FaultInjection.Check(name, missing == 0 && doubled == 0 && extra == 0,
				"found=" + counts.size() + " missing=" + missing + " doubled=" + doubled + " extra=" + extra);
	}

	private static Map<String, Integer> countByComplaint(MongoClient client, String database, String collection,
			Document filter) {
		Map<String, Integer> counts = new HashMap<>();
		for (Document document : client.getDatabase(database)
			.getCollection(collection)
			.find(filter)
			.projection(new Document("complaintId", 1))) {
			Object id = document.get("complaintId");
			if (id == null) {
				id = document.get("_id");
			}
			counts.merge(String.valueOf(id), 1, Integer::sum);
		}
		return counts;
	}

	private static JsonNode summaryTotals(String analyticsUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(analyticsUrl + "/api/v1/analytics/summary"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("ops:ops-dev".getBytes(StandardCharsets.UTF_8)))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			return JsonMapper.builder().build().readTree(response.body()).path("totals");
		}
		catch (java.io.IOException ex) {
			return JsonMapper.builder().build().createObjectNode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
