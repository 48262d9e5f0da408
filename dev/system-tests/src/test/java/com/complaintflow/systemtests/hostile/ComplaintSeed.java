package com.complaintflow.systemtests.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates one real complaint, so that attacks on endpoints taking a complaint id also hit
 * existing data.
 */
final class ComplaintSeed {

	private static final Pattern ID = Pattern.compile("\"complaintId\"\\s*:\\s*\"([^\"]+)\"");

	private final String intakeUrl;

	ComplaintSeed(String intakeUrl) {
		this.intakeUrl = intakeUrl;
	}

	String create() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.intakeUrl + "/api/v1/complaints"))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", "hotline-dev-key")
			.POST(HttpRequest.BodyPublishers.ofString("{\"customer\":{\"id\":\"H-SEED\",\"tier\":\"GOLD\"},"
					+ "\"location\":{\"regionCode\":\"BJ-CY\"},\"description\":\"Seed complaint for the hostile suite\"}"))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher id = ID.matcher(response.body());
			if (response.statusCode() != 202 || !id.find()) {
				throw new IllegalStateException(
						"Seeding a complaint failed: " + response.statusCode() + " " + response.body());
			}
			return id.group(1);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
