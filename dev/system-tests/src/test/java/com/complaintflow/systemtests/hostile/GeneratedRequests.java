package com.complaintflow.systemtests.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.complaintflow.localstack.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds requests for the operations of the services' OpenAPI documents: each request is
 * a pure function of its operation and seed (so a failure names a request that can be
 * replayed), with the credentials the operation's security scheme and documented roles
 * call for. About a third keep every rule of the document (known ids, valid bodies and
 * parameters); the rest bend bodies, parameters, {@code Idempotency-Key} values, content
 * types or credentials.
 */
final class GeneratedRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ROLES = Pattern.compile("Roles: ([A-Z, ]+)\\.");

	/** The development accounts of the {@code local} profile and their roles. */
	private static final Map<String, List<String>> ACCOUNTS = accounts();

	private static final List<String> BAD_KEYS = List.of("", " ", "bad key", "k".repeat(300), "été", "\t", "key\u0000",
			"🙂", "%00", "a".repeat(256));

	private static final List<String> GARBAGE_IDS = List.of("../../etc/passwd", "%00", "{$ne:1}", "x".repeat(3000),
			"🙂💥", "' OR 1=1 --", "CMP-does-not-exist", "$where", "a.b.c", " ", "-1", "1E-60000", "宽带");

	private final Map<String, String> knownIds;

	GeneratedRequests(Map<String, String> knownIds) {
		this.knownIds = knownIds;
	}

	/**
	 * One operation of a service's document.
	 *
	 * @param service the service
	 * @param method the HTTP method, upper case
	 * @param path the path template
	 * @param operation the operation object
	 * @param document the whole document, for its schemas and default security
	 */
	record Operation(Service service, String method, String path, JsonNode operation, JsonNode document) {

		/** Whether it takes parameters or a body (else only credentials can vary). */
		boolean takesInput() {
			return !this.operation.path("parameters").isEmpty() || this.operation.has("requestBody");
		}

		@Override
		public String toString() {
			return this.service.serviceName() + " " + this.method + " " + this.path;
		}

	}

	/**
	 * A generated request.
	 *
	 * @param operation what it is for
	 * @param seed the seed it was generated from
	 * @param valid whether it keeps every rule of the document
	 * @param path the path with its query
	 * @param headers the headers
	 * @param body the body, or null
	 */
	record Request(Operation operation, long seed, boolean valid, String path, Map<String, String> headers,
			byte[] body) {

		String describe() {
			String text = (this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "";
			return this.operation + " seed " + this.seed + (this.valid ? " (valid)" : "") + " path "
					+ abbreviate(this.path) + " headers " + abbreviate(this.headers.toString()) + " body "
					+ abbreviate(text);
		}

		private static String abbreviate(String text) {
			return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
		}

	}

	/** Every operation of the documents. */
	static List<Operation> operations(Map<Service, JsonNode> documents) {
		List<Operation> operations = new ArrayList<>();
		documents.forEach((service, document) -> document.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((operation) -> operations.add(new Operation(service,
						operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), operation.getValue(), document)))));
		return operations;
	}

	/**
	 * The account an operation's documented roles call for, or null when it names none
	 * (ApiDocumentsTests requires every staff operation to name them).
	 */
	static String account(Operation operation) {
		List<String> roles = roles(operation);
		return ACCOUNTS.entrySet()
			.stream()
			.filter((account) -> account.getValue().stream().anyMatch(roles::contains))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	static List<String> roles(Operation operation) {
		Matcher roles = ROLES.matcher(operation.operation().path("description").asString(""));
		return roles.find() ? List.of(roles.group(1).split(",\\s*")) : List.of();
	}

	Request generate(Operation operation, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		SchemaValues values = new SchemaValues(operation.document());
		boolean valid = random.nextInt(3) == 0;
		Map<String, String> headers = new LinkedHashMap<>();
		credentials(operation, random, valid, headers);
		String path = operation.path();
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : operation.operation().path("parameters")) {
			String name = parameter.path("name").asString();
			boolean bend = !valid && random.nextInt(2) == 0;
			switch (parameter.path("in").asString()) {
				case "path" ->
					path = path.replace("{" + name + "}", encode(pathValue(name, values, parameter, random, bend)));
				case "query" -> {
					if (bend || random.nextInt(2) == 0) {
						query.append(query.isEmpty() ? '?' : '&')
							.append(encode(name))
							.append('=')
							.append(encode(values.text(parameter.path("schema"), random, bend)));
					}
				}
				case "header" -> headers.put(name, headerValue(name, values, parameter, random, bend));
				default -> {
				}
			}
		}
		if (!valid && random.nextInt(10) == 0) {
			headers.put("Idempotency-Key", SchemaValues.pick(random, BAD_KEYS));
		}
		byte[] body = null;
		JsonNode requestBody = operation.operation().path("requestBody");
		if (!requestBody.isMissingNode()) {
			headers.put("Content-Type",
					(!valid && random.nextInt(10) == 0)
							? SchemaValues.pick(random,
									List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1"))
							: "application/json");
			body = body(requestBody, values, random, valid);
		}
		return new Request(operation, seed, valid, path + query, headers, body);
	}

	private void credentials(Operation operation, SplittableRandom random, boolean valid, Map<String, String> headers) {
		JsonNode security = operation.operation().has("security") ? operation.operation().path("security")
				: operation.document().path("security");
		boolean apiKey = security.valueStream().anyMatch((requirement) -> requirement.has("channelApiKey"));
		int kind = valid ? 0 : random.nextInt(12);
		if (kind == 1) {
			return;
		}
		if (apiKey) {
			headers.put("X-Api-Key", switch (kind) {
				case 2 -> "not-a-key-" + random.nextInt();
				case 3 -> "🙂".repeat(random.nextInt(1, 500));
				default -> "hotline-dev-key";
			});
			return;
		}
		String account = switch (kind) {
			case 2 -> "ops:wrong-password";
			case 3 -> ACCOUNTS.keySet()
				.stream()
				.filter((candidate) -> ACCOUNTS.get(candidate).stream().noneMatch(roles(operation)::contains))
				.findFirst()
				.orElse("nobody:nothing");
			default -> account(operation);
		};
		if (account != null) {
			headers.put("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8)));
		}
	}

	private String pathValue(String name, SchemaValues values, JsonNode parameter, SplittableRandom random,
			boolean bend) {
		if (!bend && this.knownIds.containsKey(name)) {
			return this.knownIds.get(name);
		}
		return bend ? SchemaValues.pick(random, GARBAGE_IDS) : values.text(parameter.path("schema"), random, false);
	}

	private static String headerValue(String name, SchemaValues values, JsonNode parameter, SplittableRandom random,
			boolean bend) {
		if (name.equalsIgnoreCase("Idempotency-Key")) {
			return bend ? SchemaValues.pick(random, BAD_KEYS) : "gen-" + Long.toHexString(random.nextLong());
		}
		return values.text(parameter.path("schema"), random, bend);
	}

	private static byte[] body(JsonNode requestBody, SchemaValues values, SplittableRandom random, boolean valid) {
		JsonNode schema = requestBody.path("content").path("application/json").path("schema");
		if (!valid) {
			switch (random.nextInt(20)) {
				case 0:
					return new byte[0];
				case 1:
					return "{\"amount\": 1E-60000, \"option\": 1E+60000, \"satisfaction\": -1E-60000}"
						.getBytes(StandardCharsets.UTF_8);
				case 2:
					String json = JSON.writeValueAsString(values.valid(schema, random));
					return json.substring(0, random.nextInt(Math.max(1, json.length())))
						.getBytes(StandardCharsets.UTF_8);
				default:
					return JSON.writeValueAsString(values.bent(schema, random, 0)).getBytes(StandardCharsets.UTF_8);
			}
		}
		return JSON.writeValueAsString(values.valid(schema, random)).getBytes(StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static Map<String, List<String>> accounts() {
		Map<String, List<String>> accounts = new LinkedHashMap<>();
		accounts.put("supervisor:supervisor-dev", List.of("AGENT", "SUPERVISOR"));
		accounts.put("ops:ops-dev", List.of("OPERATIONS", "METRICS"));
		accounts.put("agent:agent-dev", List.of("AGENT"));
		accounts.put("prometheus:prometheus-dev", List.of("METRICS"));
		accounts.put("console:console-dev", List.of("CONSOLE"));
		return accounts;
	}

}
