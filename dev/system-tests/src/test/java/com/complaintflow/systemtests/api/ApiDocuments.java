package com.complaintflow.systemtests.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

import com.complaintflow.localstack.RunningServices;
import com.complaintflow.localstack.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each running service's OpenAPI document, read from {@code /v3/api-docs} with a staff
 * account (any account reads them; none is refused).
 */
public final class ApiDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiDocuments() {
	}

	/** Every service's document, parsed. */
	public static Map<Service, JsonNode> read(RunningServices services) {
		Map<Service, JsonNode> documents = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			documents.put(service, JSON.readTree(get(services.url(service) + "/v3/api-docs").body()));
		}
		return documents;
	}

	/** A GET with an agent's development credentials. */
	static HttpResponse<String> get(String url) {
		String agent = Base64.getEncoder().encodeToString("agent:agent-dev".getBytes(StandardCharsets.UTF_8));
		return get(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + agent).build());
	}

	/** A GET without credentials. */
	static HttpResponse<String> getAnonymously(String url) {
		return get(HttpRequest.newBuilder(URI.create(url)).build());
	}

	private static HttpResponse<String> get(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String write(JsonNode document) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
	}

}
