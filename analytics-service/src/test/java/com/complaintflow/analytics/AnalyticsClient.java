package com.complaintflow.analytics;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A real HTTP client for a running analytics service, with staff Basic credentials.
 */
public final class AnalyticsClient {

	private final RestClient client;

	public AnalyticsClient(int port, String username, String password) {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
		if (username != null) {
			builder.defaultHeaders((headers) -> headers.setBasicAuth(username, password));
		}
		this.client = builder.build();
	}

	/** GETs a path and returns the JSON body of a 200. */
	public JsonNode json(String path) {
		return this.client.get().uri(path).retrieve().body(JsonNode.class);
	}

	/** GETs a path and returns status and body as text, whatever the status. */
	public ResponseEntity<String> get(String path) {
		return this.client.get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
		}).toEntity(String.class);
	}

}
