package com.complaintflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.complaintflow.localstack.RunningServices;
import com.complaintflow.localstack.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Lints each service's {@code /actuator/prometheus} with Prometheus' own
 * {@code promtool check metrics} and reports the problems in the project's metric
 * families (help text, base units, counter names). Without promtool the check is skipped
 * on a developer's machine and fails in CI ({@code CI=true}), whose {@code .ci/run}
 * installs it.
 */
final class MetricsLint {

	/** The project's own metric families; the libraries' are not ours to rename. */
	static final Pattern OWN = Pattern.compile("^(complaintflow|complaints|intake|triage|followup|analytics)_.*");

	private static final String PROMTOOL = "promtool";

	private final RunningServices services;

	private final HttpClient http = HttpClient.newHttpClient();

	MetricsLint(RunningServices services) {
		this.services = services;
	}

	/** Fails with every problem promtool finds in an own family of any service. */
	void assertOwnFamiliesClean() {
		assumePromtool();
		List<String> problems = new ArrayList<>();
		int ownFamilies = 0;
		for (Service service : Service.values()) {
			String exposition = scrape(service);
			ownFamilies += (int) exposition.lines()
				.filter((line) -> line.startsWith("# TYPE "))
				.map((line) -> line.split(" ")[2])
				.filter((name) -> OWN.matcher(name).matches())
				.count();
			for (String problem : promtool(exposition)) {
				if (OWN.matcher(problem).matches()) {
					problems.add(service.serviceName() + ": " + problem);
				}
			}
		}
		assertThat(ownFamilies).as("own metric families scraped").isGreaterThan(20);
		assertThat(problems).as("promtool check metrics on the project's families").isEmpty();
	}

	/**
	 * Fails unless the service's latency histogram has a bucket with a trace exemplar in
	 * the OpenMetrics exposition (the format Prometheus scrapes exemplars from).
	 * @param service the service
	 * @param histogram the histogram's Prometheus name, without {@code _bucket}
	 */
	void assertTraceExemplars(Service service, String histogram) {
		String exposition = scrape(service, "application/openmetrics-text;version=1.0.0");
		assertThat(exposition.lines().filter((line) -> line.startsWith(histogram + "_bucket")))
			.as(service + " " + histogram + " buckets with a trace exemplar")
			.anyMatch((line) -> line.matches(".* # \\{.*trace_id=\"[0-9a-f]{32}\".*"));
	}

	/** The Prometheus text exposition (format 0.0.4, what promtool reads). */
	String scrape(Service service) {
		return scrape(service, "text/plain;version=0.0.4");
	}

	private String scrape(Service service, String format) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.services.url(service) + "/actuator/prometheus"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("prometheus:prometheus-dev".getBytes(StandardCharsets.UTF_8)))
			.header("Accept", format)
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> promtool(String exposition) {
		try {
			Path input = Files.createTempFile("metrics", ".prom");
			try {
				Files.writeString(input, exposition);
				Process process = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectInput(input.toFile())
					.redirectErrorStream(true)
					.start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
				return output.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
			}
			finally {
				Files.deleteIfExists(input);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assumePromtool() {
		boolean installed = System.getenv("PATH") != null && List.of(System.getenv("PATH").split(":"))
			.stream()
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, PROMTOOL)));
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new AssertionError("promtool is not installed; .ci/run installs Debian's prometheus package");
		}
		assumeTrue(installed, "promtool is not installed (apt-get install prometheus): metrics lint skipped");
	}

}
