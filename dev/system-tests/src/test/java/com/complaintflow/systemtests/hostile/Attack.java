package com.complaintflow.systemtests.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.localstack.Service;

/**
 * One kind of hostile or malformed request; {@link #request} builds an instance of it
 * against an endpoint.
 */
enum Attack {

	BROKEN_JSON, WRONG_TYPES, HUGE_STRING, DEEP_NESTING, INVALID_UTF8, MONGO_OPERATORS, UNKNOWN_FIELDS, EMPTY_BODY,
	WRONG_CONTENT_TYPE, NO_CREDENTIALS, WRONG_CREDENTIALS, WRONG_ROLE, GARBAGE_PATH_VARIABLE, BAD_QUERY, WRONG_METHOD,
	CONTROL_CHARACTERS;

	private static final String VALID_COMPLAINT = "{\"customer\":{\"id\":\"H-1\",\"tier\":\"GOLD\"},"
			+ "\"location\":{\"regionCode\":\"BJ-CY\"},\"description\":\"No signal at home since Monday\"}";

	private static final List<String> GARBAGE_IDS = List.of("../../etc/passwd", "%00", "%2e%2e%2f", "{$ne:1}",
			"x".repeat(5000), "🙂💥", "' OR 1=1 --", "%EF%BF%BF", "CMP-does-not-exist", "$where", "a.b.c", "%20");

	private static final List<String> BAD_QUERIES = List.of(
			"?size=-1&page=abc&from=notadate&to=&status=NOPE&limit=99999999999999999999",
			"?from=2026-13-45T99:99:99Z&to=yesterday&granularity=CENTURY", "?status=%00&queue=$gt&dueBefore=-1",
			"?complaintId[$ne]=1&region=" + "R".repeat(3000), "?hours=1e309&days=NaN&minGrowth=-Infinity",
			"?q=" + "掉线".repeat(200) + "&unassigned=maybe&sort=$natural&openedTo=0&updatedSince=x&size=1e3",
			"?q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k&status=OPEN&status=OPEN&status=%24ne&staffId[$gt]=",
			"?from=-1000000000-01-01T00:00:00Z&to=%2B1000000000-12-31T23:59:59.999999999Z&at=-1000000000-01-01T00:00:00Z"
					+ "&dueBefore=%2B300000000-01-01T00:00:00Z&openedFrom=0000-01-01T00:00:00Z&updatedSince=-1000000000-01-01T00:00:00Z");

	/**
	 * A request of this kind against an endpoint.
	 * @param endpoint the target
	 * @param random the source of variation
	 * @param complaintId a real complaint, for endpoints that take one
	 * @return the request to send
	 */
	HostileRequest request(Endpoint endpoint, SplittableRandom random, String complaintId) {
		// followup's path variables name the case of the seeded complaint, so its
		// actions meet a real case
		String id = (endpoint.service() == Service.FOLLOWUP) ? CaseOpening.caseIdFor(complaintId) : complaintId;
		String path = endpoint.path(encode(id));
		String method = endpoint.method();
		String auth = goodAuth(endpoint.service());
		String contentType = "application/json";
		byte[] body = endpoint.hasBody() ? utf8(VALID_COMPLAINT) : null;
		switch (this) {
			case BROKEN_JSON ->
				body = utf8(VALID_COMPLAINT.substring(0, 1 + random.nextInt(VALID_COMPLAINT.length() - 1)));
			case WRONG_TYPES -> body = utf8(
					"{\"customer\":\"x\",\"location\":5,\"description\":[\"a\"],\"satisfaction\":\"five\",\"outcome\":7,"
							+ "\"remedies\":{\"kind\":true},\"expectedRemedy\":{\"kind\":\"TELEPORT\",\"amount\":\"lots\"}}");
			case HUGE_STRING ->
				body = utf8("{\"customer\":{\"id\":\"H-1\",\"tier\":\"GOLD\"},\"location\":{\"regionCode\":\"X\"},"
						+ "\"description\":\"" + "投诉".repeat(40_000 + random.nextInt(40_000)) + "\"}");
			case DEEP_NESTING -> body = utf8("[".repeat(3000 + random.nextInt(3000)) + "]".repeat(10));
			case INVALID_UTF8 -> body = invalidUtf8();
			case MONGO_OPERATORS -> body = utf8("{\"customer\":{\"id\":{\"$gt\":\"\"},\"tier\":\"GOLD\",\"a.b\":1},"
					+ "\"location\":{\"regionCode\":\"X\",\"$where\":\"sleep(1000)\"},\"description\":\"x\",\"$set\":{\"status\":\"CLOSED\"}}");
			case UNKNOWN_FIELDS -> body = utf8(VALID_COMPLAINT.substring(0, VALID_COMPLAINT.length() - 1)
					+ ",\"isAdmin\":true,\"channel\":\"STORE\",\"__proto__\":{\"x\":1}}");
			case EMPTY_BODY -> body = new byte[0];
			case WRONG_CONTENT_TYPE ->
				contentType = List
					.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
							"multipart/form-data; boundary=x", "")
					.get(random.nextInt(5));
			case NO_CREDENTIALS -> auth = null;
			case WRONG_CREDENTIALS ->
				auth = (endpoint.service() == Service.INTAKE) ? "X-Api-Key: not-a-key-" + random.nextInt()
						: "Authorization: Basic " + base64("ops:wrong-password");
			case WRONG_ROLE -> auth = (endpoint.service() == Service.INTAKE)
					? "Authorization: Basic " + base64("ops:ops-dev") : (endpoint.service() == Service.ANALYTICS)
							? "Authorization: Basic " + base64("agent:agent-dev") : "X-Api-Key: hotline-dev-key";
			case GARBAGE_PATH_VARIABLE ->
				path = endpoint.path(encode(GARBAGE_IDS.get(random.nextInt(GARBAGE_IDS.size()))));
			case BAD_QUERY -> path = path + BAD_QUERIES.get(random.nextInt(BAD_QUERIES.size()));
			case WRONG_METHOD ->
				method = List.of("DELETE", "PUT", "PATCH", endpoint.hasBody() ? "GET" : "POST").get(random.nextInt(4));
			case CONTROL_CHARACTERS ->
				body = utf8(VALID_COMPLAINT.replace("No signal", "No\u0000sig\u0007nal\u001b[31m"));
		}
		return new HostileRequest(this, endpoint, method, path, auth, contentType, body);
	}

	private static String goodAuth(Service service) {
		return switch (service) {
			case INTAKE -> "X-Api-Key: hotline-dev-key";
			case ANALYTICS -> "Authorization: Basic " + base64("ops:ops-dev");
			default -> "Authorization: Basic " + base64("supervisor:supervisor-dev");
		};
	}

	private static byte[] invalidUtf8() {
		byte[] prefix = utf8(
				"{\"customer\":{\"id\":\"H-1\",\"tier\":\"GOLD\"},\"location\":{\"regionCode\":\"X\"},\"description\":\"");
		byte[] bad = { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		byte[] suffix = utf8("\"}");
		byte[] body = new byte[prefix.length + bad.length + suffix.length];
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		System.arraycopy(bad, 0, body, prefix.length, bad.length);
		System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
		return body;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(utf8(text));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
