package com.complaintflow.followup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A real HTTP client for the staff API, logged in as one of the development accounts.
 */
public final class StaffClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient client;

	public StaffClient(int port, String user, String password) {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders((headers) -> headers.setBasicAuth(user, password))
			.build();
	}

	/** GET; the answer's status and JSON body. */
	public Answer get(String path) {
		return this.client.get().uri(path).exchange((request, response) -> answer(response));
	}

	/** POST with a JSON body and an optional idempotency key. */
	public Answer post(String path, String idempotencyKey, String body) {
		RestClient.RequestBodySpec request = this.client.post().uri(path).headers((headers) -> {
			if (idempotencyKey != null) {
				headers.set("Idempotency-Key", idempotencyKey);
			}
		});
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange((req, response) -> answer(response));
	}

	/**
	 * POST without a body and with a form's content type, as a browser sends a form,
	 * saying which site it comes from ({@code Sec-Fetch-Site}).
	 */
	public Answer postFromBrowser(String path, String fetchSite) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Sec-Fetch-Site", fetchSite)
			.exchange((req, response) -> answer(response));
	}

	/** PUT without a body. */
	public Answer put(String path) {
		return this.client.put().uri(path).exchange((request, response) -> answer(response));
	}

	/** DELETE. */
	public Answer delete(String path) {
		return this.client.delete().uri(path).exchange((request, response) -> answer(response));
	}

	private static Answer answer(org.springframework.http.client.ClientHttpResponse response)
			throws java.io.IOException {
		byte[] bytes = response.getBody().readAllBytes();
		JsonNode json = (bytes.length > 0) ? JSON.readTree(bytes) : null;
		return new Answer(response.getStatusCode(), json);
	}

	/** Status and body of an answer. */
	public record Answer(HttpStatusCode status, JsonNode json) {

		public int code() {
			return this.status.value();
		}

	}

}
