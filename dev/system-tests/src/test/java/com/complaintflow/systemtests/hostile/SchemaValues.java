package com.complaintflow.systemtests.hostile;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for the schemas of an OpenAPI document: {@link #valid} ones (required fields,
 * every limit kept) and {@link #bent} ones (fields missing or unknown, wrong types,
 * values past every limit, odd numbers and text).
 */
final class SchemaValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Text that has broken services before: injections, controls, huge, unicode. */
	static final List<String> ODD_TEXT = List.of("", " ", "\u0000", "' OR 1=1 --", "{\"$gt\":\"\"}", "$where",
			"<script>alert(1)</script>", "\uD83D\uDE00\uD83D\uDCA5", "\u202Eevil", "a".repeat(70_000),
			"宽带".repeat(5000), "\r\nX-Injected: 1", "%00", "../../etc/passwd", "\uFFFF", "null", "-1", "1E-60000");

	/** Numbers that have broken services before: tiny and huge exponents, negatives. */
	static final List<String> ODD_NUMBERS = List.of("1E-60000", "1E+60000", "-1E+60000", "-500", "-0.0", "0.001",
			"123456789012345678901234567890", "-9223372036854775809", "9223372036854775808", "2147483648", "-1", "0",
			"1.7976931348623157E309", "4.9E-325", "0.1234567890123456789");

	private static final List<String> TEXT_CANDIDATES = List.of("Broadband drops every evening since Monday", "C-1001",
			"BJ-CY", "+8613800138000", "GOLD", "category");

	private final JsonNode document;

	SchemaValues(JsonNode document) {
		this.document = document;
	}

	/** A schema, with a {@code $ref} to the document's components followed. */
	JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
			String name = current.path("$ref").asString().replace("#/components/schemas/", "");
			current = this.document.path("components").path("schemas").path(name);
		}
		return current;
	}

	/** A value within every limit the schema states. */
	JsonNode valid(JsonNode schema, SplittableRandom random) {
		JsonNode resolved = resolve(schema);
		if (resolved.has("enum")) {
			return pick(random, resolved.path("enum").valueStream().toList());
		}
		return switch (type(resolved)) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				Set<String> required = required(resolved);
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					if (required.contains(property.getKey()) || random.nextInt(3) == 0) {
						object.set(property.getKey(), valid(property.getValue(), random));
					}
				}
				yield object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int size = Math.min(resolved.path("maxItems").asInt(2), random.nextInt(3));
				for (int i = 0; i < size; i++) {
					array.add(valid(resolved.path("items"), random));
				}
				yield array;
			}
			case "integer" -> NODES.numberNode(bounded(resolved, random).longValue());
			case "number" -> NODES.numberNode(bounded(resolved, random));
			case "boolean" -> NODES.booleanNode(random.nextBoolean());
			default -> NODES.stringNode(validText(resolved, random));
		};
	}

	/** A value that is often out of shape: the schema bent in one or more places. */
	JsonNode bent(JsonNode schema, SplittableRandom random, int depth) {
		JsonNode resolved = resolve(schema);
		if (depth > 5 || random.nextInt(12) == 0) {
			return wrongType(random);
		}
		if (resolved.has("enum")) {
			return (random.nextInt(4) == 0) ? NODES.stringNode(pick(random, ODD_TEXT))
					: pick(random, resolved.path("enum").valueStream().toList());
		}
		return switch (type(resolved)) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					if (random.nextInt(6) != 0) {
						object.set(property.getKey(), bent(property.getValue(), random, depth + 1));
					}
				}
				if (random.nextInt(8) == 0) {
					object.put(pick(random, List.of("$set", "a.b", "__proto__", "unexpected")), "field");
				}
				yield object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int size = (random.nextInt(10) == 0) ? 1000 : random.nextInt(4);
				for (int i = 0; i < size; i++) {
					array.add(bent(resolved.path("items"), random, depth + 1));
				}
				yield array;
			}
			case "integer", "number" -> oddNumber(resolved, random);
			case "boolean" -> NODES.booleanNode(random.nextBoolean());
			default -> NODES.stringNode(bentText(resolved, random));
		};
	}

	/** Text for a string parameter or field: valid, or bent. */
	String text(JsonNode schema, SplittableRandom random, boolean bend) {
		JsonNode resolved = resolve(schema);
		if (resolved.has("enum")) {
			return (bend && random.nextInt(3) == 0) ? pick(random, ODD_TEXT)
					: pick(random, resolved.path("enum").valueStream().toList()).asString();
		}
		String type = type(resolved);
		if (type.equals("integer") || type.equals("number")) {
			return bend ? oddNumber(resolved, random).toString() : bounded(resolved, random).toPlainString();
		}
		return bend ? bentText(resolved, random) : validText(resolved, random);
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			return type.valueStream()
				.map(JsonNode::asString)
				.filter((t) -> !t.equals("null"))
				.findFirst()
				.orElse("string");
		}
		return type.asString(schema.has("properties") ? "object" : "string");
	}

	private static Set<String> required(JsonNode schema) {
		return new HashSet<>(schema.path("required").valueStream().map(JsonNode::asString).toList());
	}

	private static BigDecimal bounded(JsonNode schema, SplittableRandom random) {
		long min = schema.has("minimum") ? schema.path("minimum").asLong() : 0;
		long max = schema.has("maximum") ? schema.path("maximum").asLong() : min + 10_000;
		long value = min + random.nextLong(Math.max(1, max - min + 1));
		return (type(schema).equals("number") && random.nextBoolean())
				? BigDecimal.valueOf(value).add(BigDecimal.valueOf(random.nextInt(100), 2)).min(BigDecimal.valueOf(max))
				: BigDecimal.valueOf(value);
	}

	private static JsonNode oddNumber(JsonNode schema, SplittableRandom random) {
		if (random.nextInt(3) == 0) {
			return NODES.numberNode(bounded(schema, random));
		}
		return NODES.numberNode(new BigDecimal(pick(random, ODD_NUMBERS)));
	}

	private static String validText(JsonNode schema, SplittableRandom random) {
		String format = schema.path("format").asString("");
		if (format.equals("date-time")) {
			return "2026-11-30T10:0" + random.nextInt(10) + ":00Z";
		}
		if (format.equals("uuid")) {
			return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
		}
		int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		String pattern = schema.path("pattern").asString(null);
		for (String candidate : TEXT_CANDIDATES) {
			if ((pattern == null || Pattern.compile(pattern).matcher(candidate).matches())
					&& candidate.length() <= max) {
				return candidate;
			}
		}
		return "x";
	}

	private static String bentText(JsonNode schema, SplittableRandom random) {
		if (random.nextInt(3) == 0) {
			return pick(random, ODD_TEXT);
		}
		if (schema.path("format").asString("").equals("date-time")) {
			return pick(random, List.of("2026-11-30T10:00:00Z", "2026-13-45T99:99:99Z", "yesterday",
					"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
					"+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z", "0000-12-31T23:59:59Z"));
		}
		int max = Math.min(schema.path("maxLength").asInt(200), 100_000);
		int length = (random.nextInt(4) == 0) ? max + 1 + random.nextInt(10) : random.nextInt(Math.max(1, max));
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((random.nextInt(20) == 0) ? '投' : (char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

	private static JsonNode wrongType(SplittableRandom random) {
		return switch (random.nextInt(5)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.numberNode(new BigDecimal(pick(random, ODD_NUMBERS)));
			case 2 -> NODES.arrayNode().add("x");
			case 3 -> NODES.objectNode().put("nested", "object");
			default -> NODES.booleanNode(true);
		};
	}

	static <T> T pick(SplittableRandom random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
