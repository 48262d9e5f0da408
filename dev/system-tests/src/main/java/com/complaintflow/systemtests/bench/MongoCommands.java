package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * MongoDB commands a service has sent, read from its Prometheus endpoint: the count of
 * Boot's {@code mongodb.driver.commands} timer (the driver's command listener), summed
 * over commands and collections. It counts what the service asks, so it does not depend
 * on which server answers. -1 when the endpoint cannot be read.
 */
final class MongoCommands {

	private static final String METRIC = "mongodb_driver_commands_seconds_count";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private MongoCommands() {
	}

	static long of(String serviceUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("prometheus:prometheus-dev".getBytes(StandardCharsets.UTF_8)))
			.build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return -1;
			}
			double total = 0;
			for (String line : response.body().split("\n")) {
				if (line.startsWith(METRIC + "{") || line.startsWith(METRIC + " ")) {
					total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
			return (long) total;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
