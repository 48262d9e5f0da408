package com.complaintflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a service's {@code /actuator/health} answers UP.
 */
final class HealthCheck {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private HealthCheck() {
	}

	/**
	 * Waits for a healthy answer.
	 * @param name the service, for the error message
	 * @param baseUrl the service's base URL
	 * @param timeout how long to wait
	 * @param alive false when the service is known to have died, to fail fast
	 */
	static void awaitUp(String name, String baseUrl, Duration timeout, BooleanSupplier alive) {
		URI health = URI.create(baseUrl + "/actuator/health");
		Waiting.until(name + " (" + health + ")", timeout, alive, () -> isUp(health));
	}

	private static boolean isUp(URI health) {
		try {
			HttpResponse<String> response = CLIENT.send(
					HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for health", ex);
		}
	}

}
