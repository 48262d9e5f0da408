package com.complaintflow.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for intake's API in tests, over java.net.http.
 */
public final class IntakeHttp {

	/** Development keys of the local profile. */
	public static final String HOTLINE_KEY = "hotline-dev-key";

	public static final String STORE_KEY = "store-dev-key";

	public static final String APP_KEY = "app-dev-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public IntakeHttp(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Posts a complaint body as UTF-8 JSON. */
	public HttpResponse<String> submit(String apiKey, String idempotencyKey, String body) {
		return submit(apiKey, idempotencyKey, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	/** Posts raw bytes with a given content type. */
	public HttpResponse<String> submit(String apiKey, String idempotencyKey, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/complaints"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	/** GETs a path, with an API key when not null. */
	public HttpResponse<String> get(String apiKey, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		return send(request.build());
	}

	/** Sends a request without a body, with an API key when not null. */
	public HttpResponse<String> send(String method, String apiKey, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		return send(request.build());
	}

	/** GETs a path with HTTP Basic credentials. */
	public HttpResponse<String> getAsStaff(String user, String password, String path) {
		String token = java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + token)
			.GET()
			.build());
	}

	/** POSTs a JSON body with HTTP Basic credentials. */
	public HttpResponse<String> postAsStaff(String user, String password, String path, String body) {
		String token = java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	public static JsonNode json(byte[] body) {
		return JSON.readTree(body);
	}

}
