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
 * Counters a service reports on its Prometheus endpoint (as the {@code prometheus}
 * account): the MongoDB commands it has sent (the count of Boot's
 * {@code mongodb.driver.commands} timer, the driver's command listener, summed over
 * commands and collections: it counts what the service asks, so it does not depend on
 * which server answers) and its JVM's CPU time (Micrometer's {@code process.cpu.time}).
 * -1 when the endpoint cannot be read or lacks the counter.
 */
final class ServiceMetrics {

	static final String MONGO_COMMANDS = "mongodb_driver_commands_seconds_count";

	static final String CPU_NANOS = "process_cpu_time_ns_total";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ServiceMetrics() {
	}

	static long mongoCommands(String serviceUrl, String scrapePassword) {
		String exposition = scrape(serviceUrl, scrapePassword);
		// no timer yet: no command sent yet
		return (exposition == null) ? -1 : (long) Math.max(0, sum(exposition, MONGO_COMMANDS));
	}

	static long cpuMillis(String serviceUrl, String scrapePassword) {
		double nanos = sum(scrape(serviceUrl, scrapePassword), CPU_NANOS);
		return (nanos < 0) ? -1 : (long) (nanos / 1_000_000);
	}

	/**
	 * The sum of a metric's samples over all its labels in Prometheus' text format; -1
	 * when the text is null or has no sample of it.
	 */
	static double sum(String exposition, String metric) {
		if (exposition == null) {
			return -1;
		}
		double total = 0;
		boolean found = false;
		for (String line : exposition.split("\n")) {
			if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
				total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				found = true;
			}
		}
		return found ? total : -1;
	}

	private static String scrape(String serviceUrl, String scrapePassword) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("prometheus:" + scrapePassword).getBytes(StandardCharsets.UTF_8)))
			.build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
