package com.complaintflow.intake.config;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.intake.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests generated from intake's own OpenAPI document: for every operation it
 * describes, bodies built from its schema and then bent (missing and unknown fields,
 * wrong types, values past every limit, odd numbers and text), with valid, malformed or
 * no keys. Seeded, so a failure names a request that can be replayed. Not one answer may
 * be a 5xx, and every error is a problem detail.
 */
class GeneratedRequestsTests extends IntakeIntegrationTest {

	private static final int REQUESTS_PER_OPERATION = 300;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> ODD_TEXT = List.of("", " ", "\u0000", "' OR 1=1 --", "{\"$gt\":\"\"}",
			"<script>alert(1)</script>", "\uD83D\uDE00", "\u202Eevil", "a".repeat(70_000), "宽带".repeat(5000),
			"\r\nX-Injected: 1", "%00", "../../etc/passwd");

	private static final List<Object> ODD_NUMBERS = List.of(new BigDecimal("1E-60000"), new BigDecimal("1E+60000"),
			new BigDecimal("-500"), new BigDecimal("0.001"), new BigDecimal("123456789012345678901234567890"),
			Long.MIN_VALUE, -1, 0, Double.MAX_VALUE);

	@Test
	void noGeneratedRequestAnswersA5xxAndEveryErrorIsAProblemDetail() {
		JsonNode document = IntakeHttp.json(http().get(null, "/v3/api-docs").body());
		List<String> failures = new ArrayList<>();
		java.util.Set<Integer> statuses = new java.util.TreeSet<>();
		List<String> acceptedIds = new ArrayList<>();
		int sent = 0;
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey();
				Random random = new Random((path.getKey() + method).hashCode());
				for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
					// a third of the requests are well-formed (a clean body, a known id,
					// the
					// submitting channel's key); the rest are bent
					boolean bend = random.nextInt(3) != 0;
					String uri = (!bend && !acceptedIds.isEmpty())
							? path.getKey().replaceAll("\\{[^}]+}", acceptedIds.get(random.nextInt(acceptedIds.size())))
							: uri(path.getKey(), random);
					String apiKey = bend ? pick(random, IntakeHttp.HOTLINE_KEY, IntakeHttp.APP_KEY, null, "wrong-key")
							: IntakeHttp.HOTLINE_KEY;
					HttpResponse<String> response;
					String body = null;
					if ("post".equals(method)) {
						JsonNode schema = operation.getValue()
							.path("requestBody")
							.path("content")
							.path("application/json")
							.path("schema");
						body = EventJson.mapper()
							.writeValueAsString(
									bend ? generate(document, schema, random, 0) : clean(document, schema, random));
						String key = bend ? pick(random, null, "key-" + random.nextInt(1000), "bad key",
								"k".repeat(300), "\u00e9t\u00e9") : "gen-" + random.nextLong();
						response = http().submit(apiKey, key, body);
						if (response.statusCode() == 202) {
							acceptedIds.add(IntakeHttp.json(response.body()).path("complaintId").asString());
						}
					}
					else {
						response = http().get(apiKey, uri);
					}
					sent++;
					statuses.add(response.statusCode());
					String problem = check(response);
					if (problem != null && failures.size() < 10) {
						failures.add(method.toUpperCase() + " " + uri + " seed-step " + i + ": " + problem + " body="
								+ ((body != null && body.length() > 300) ? body.substring(0, 300) + "..." : body));
					}
				}
			}
		}
		assertThat(sent).isGreaterThanOrEqualTo(2 * REQUESTS_PER_OPERATION);
		// the generator reaches both sides: accepted complaints and every kind of refusal
		assertThat(statuses).as("statuses answered").contains(200, 202, 400, 401, 404);
		assertThat(failures).as("of %d generated requests", sent).isEmpty();
	}

	private static String check(HttpResponse<String> response) {
		if (response.statusCode() >= 500) {
			return "answered " + response.statusCode();
		}
		if (response.statusCode() >= 400) {
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (!type.startsWith("application/problem+json")) {
				return "answered " + response.statusCode() + " as " + type + ", not a problem detail";
			}
		}
		return null;
	}

	private static String uri(String template, Random random) {
		String value = switch (random.nextInt(4)) {
			case 0 -> "CMP-" + java.util.UUID.randomUUID();
			case 1 -> pick(random, ODD_TEXT.toArray(String[]::new));
			case 2 -> Integer.toString(random.nextInt());
			default -> "x".repeat(random.nextInt(3000));
		};
		if (value.length() > 2000) {
			value = value.substring(0, 2000);
		}
		return template.replaceAll("\\{[^}]+}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	/** A valid value for a schema: required fields, values within every limit. */
	private static JsonNode clean(JsonNode document, JsonNode schema, Random random) {
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
			return clean(document, document.path("components").path("schemas").path(name), random);
		}
		if (schema.has("enum")) {
			List<JsonNode> values = schema.path("enum").valueStream().toList();
			return values.get(random.nextInt(values.size()));
		}
		String type = schema.path("type").asString("object");
		switch (type) {
			case "object": {
				ObjectNode object = NODES.objectNode();
				java.util.Set<String> required = new java.util.HashSet<>(
						schema.path("required").valueStream().map(JsonNode::asString).toList());
				for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
					if (required.contains(property.getKey())) {
						object.set(property.getKey(), clean(document, property.getValue(), random));
					}
				}
				return object;
			}
			case "array":
				return NODES.arrayNode();
			case "number":
			case "integer":
				return NODES.numberNode(BigDecimal.valueOf(random.nextInt(10_000), 2));
			case "boolean":
				return NODES.booleanNode(random.nextBoolean());
			default:
				if ("date-time".equals(schema.path("format").asString())) {
					return NODES.stringNode("2026-11-30T10:00:00Z");
				}
				String pattern = schema.path("pattern").asString(null);
				for (String candidate : List.of("Broadband drops every evening since Monday",
						"C-" + random.nextInt(9999), "+8613800138000")) {
					if ((pattern == null || java.util.regex.Pattern.matches(pattern, candidate))
							&& candidate.length() <= schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
						return NODES.stringNode(candidate);
					}
				}
				return NODES.stringNode("x");
		}
	}

	/** A value for a schema: mostly valid in shape, often bent. */
	private static JsonNode generate(JsonNode document, JsonNode schema, Random random, int depth) {
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
			return generate(document, document.path("components").path("schemas").path(name), random, depth);
		}
		if (depth > 4 || random.nextInt(12) == 0) {
			return wrongType(random);
		}
		String type = schema.path("type").asString("object");
		if (schema.has("enum")) {
			List<JsonNode> values = schema.path("enum").valueStream().toList();
			return (random.nextInt(5) == 0) ? NODES.stringNode(pick(random, ODD_TEXT.toArray(String[]::new)))
					: values.get(random.nextInt(values.size()));
		}
		return switch (type) {
			case "object" -> object(document, schema, random, depth);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int size = (random.nextInt(10) == 0) ? 1000 : random.nextInt(4);
				for (int i = 0; i < size; i++) {
					array.add(generate(document, schema.path("items"), random, depth + 1));
				}
				yield array;
			}
			case "string" -> string(schema, random);
			case "number", "integer" -> number(schema, random);
			case "boolean" -> NODES.booleanNode(random.nextBoolean());
			default -> wrongType(random);
		};
	}

	private static ObjectNode object(JsonNode document, JsonNode schema, Random random, int depth) {
		ObjectNode object = NODES.objectNode();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			if (random.nextInt(6) != 0) {
				object.set(property.getKey(), generate(document, property.getValue(), random, depth + 1));
			}
		}
		if (random.nextInt(8) == 0) {
			object.put("unexpected" + random.nextInt(100), "field");
		}
		return object;
	}

	private static JsonNode string(JsonNode schema, Random random) {
		if (random.nextInt(4) == 0) {
			return NODES.stringNode(pick(random, ODD_TEXT.toArray(String[]::new)));
		}
		if ("date-time".equals(schema.path("format").asString())) {
			return NODES.stringNode(pick(random, "2026-11-30T10:00:00Z", "2026-13-45T99:99:99Z", "yesterday",
					"+999999999-12-31T23:59:59Z"));
		}
		int max = schema.path("maxLength").asInt(200);
		int length = (random.nextInt(5) == 0) ? max + 1 + random.nextInt(10) : random.nextInt(Math.max(1, max));
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return NODES.stringNode(text.toString());
	}

	private static JsonNode number(JsonNode schema, Random random) {
		if (random.nextInt(3) == 0) {
			Object odd = ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
			return (odd instanceof BigDecimal decimal) ? NODES.numberNode(decimal)
					: NODES.numberNode(new BigDecimal(odd.toString()));
		}
		return NODES.numberNode(BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4)));
	}

	private static JsonNode wrongType(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.numberNode(random.nextInt());
			case 2 -> NODES.arrayNode().add("x");
			case 3 -> NODES.objectNode().put("nested", "object");
			default -> NODES.booleanNode(true);
		};
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

}
