package com.complaintflow.systemtests.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.complaintflow.localstack.LocalStack;
import com.complaintflow.localstack.Service;
import com.complaintflow.systemtests.SharedStack;
import com.complaintflow.systemtests.api.ApiDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests generated from every service's own OpenAPI document, for every operation it
 * describes ({@link GeneratedRequests}), sent to the running system: not one answer may
 * be a 5xx, every 4xx is an RFC 9457 problem detail, and every operation answers
 * something other than 401/403 to the account its documented roles name (so the generator
 * reaches the handlers). {@code -Dgenerated.requests=N} requests per operation that takes
 * input (default 25; 6 for one without), from seeds {@code -Dgenerated.seed=S} on
 * (default 1): a failure names its operation and seed.
 */
@ExtendWith(SharedStack.class)
class GeneratedRequestsTests {

	@Test
	void noGeneratedRequestAnswersA5xxAndEveryErrorIsAProblemDetail(LocalStack stack) throws Exception {
		int perOperation = Integer.getInteger("generated.requests", 25);
		long firstSeed = Long.getLong("generated.seed", 1);
		Map<Service, JsonNode> documents = ApiDocuments.read(stack.services());
		List<GeneratedRequests.Operation> operations = GeneratedRequests.operations(documents);
		String complaintId = new ComplaintSeed(stack.services().url(Service.INTAKE)).create();
		GeneratedRequests generator = new GeneratedRequests(
				Map.of("complaintId", complaintId, "caseId", caseOf(stack, complaintId)));

		long started = System.nanoTime();
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
		Set<String> reachedHandler = ConcurrentHashMap.newKeySet();
		Map<String, AtomicLong> millisByOperation = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> sent = new ArrayList<>();
		for (GeneratedRequests.Operation operation : operations) {
			// an operation without input (a reload) varies only in its credentials: a few
			// requests say all, and each may be slow
			int requests = operation.takesInput() ? perOperation : Math.min(perOperation, 6);
			for (long seed = firstSeed; seed < firstSeed + requests; seed++) {
				GeneratedRequests.Request request = generator.generate(operation, seed);
				sent.add(pool.submit(() -> {
					long start = System.nanoTime();
					RawHttp.Answer answer = RawHttp.send(stack.services().port(operation.service()), operation.method(),
							request.path(), request.headers(), request.body());
					millisByOperation.computeIfAbsent(operation.toString(), (name) -> new AtomicLong())
						.addAndGet((System.nanoTime() - start) / 1_000_000);
					statuses.computeIfAbsent(answer.status(), (status) -> new AtomicLong()).incrementAndGet();
					String problem = check(answer);
					if (problem != null) {
						failures.add(problem + ": " + request.describe() + " -> " + abbreviate(answer.body()));
					}
					if (request.valid() && answer.status() != 401 && answer.status() != 403) {
						reachedHandler.add(operation.toString());
					}
					return null;
				}));
			}
		}
		for (Future<?> request : sent) {
			request.get();
		}
		pool.shutdown();

		System.out.printf("Generated %d requests for %d operations of %d documents in %.1f s; answers by status %s%n",
				sent.size(), operations.size(), documents.size(), (System.nanoTime() - started) / 1e9,
				new TreeMap<>(statuses));
		millisByOperation.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
			.limit(5)
			.forEach((slow) -> System.out.printf("  %,d ms in %s%n", slow.getValue().get(), slow.getKey()));
		assertThat(operations).hasSizeGreaterThan(20);
		assertThat(failures).as("failures of %d generated requests", sent.size()).isEmpty();
		assertThat(statuses.keySet()).as("statuses answered").contains(200, 202, 400, 401, 404);
		assertThat(operations.stream().map(Object::toString))
			.as("operations that answered the account their documented roles name with something but 401/403")
			.allMatch(reachedHandler::contains);
	}

	private static String check(RawHttp.Answer answer) {
		if (answer.status() >= 500) {
			return "answered " + answer.status();
		}
		if (answer.status() >= 400) {
			if (!answer.contentType().startsWith("application/problem+json")) {
				return "answered " + answer.status() + " as '" + answer.contentType() + "', not a problem detail";
			}
			if (!answer.body().contains("\"status\":" + answer.status())) {
				return "answered " + answer.status() + " with a problem detail of another status";
			}
		}
		return null;
	}

	/** The case followup opened for the complaint (triage and followup take a moment). */
	private static String caseOf(LocalStack stack, String complaintId) {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(stack.services().url(Service.FOLLOWUP) + "/api/v1/cases?complaintId=" + complaintId))
			.header("Authorization", "Basic c3VwZXJ2aXNvcjpzdXBlcnZpc29yLWRldg==")
			.build();
		return await().atMost(Duration.ofSeconds(120)).until(() -> {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode cases = JsonMapper.builder().build().readTree(response.body());
			return (cases.isArray() && !cases.isEmpty()) ? cases.get(0).path("caseId").asString() : null;
		}, (id) -> id != null);
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

}
