package com.complaintflow.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.complaintflow.support.test.TestInfrastructure;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a test's analytics service at the shared broker and a fresh database, with a
 * Streams application of its own: a fresh application id (so it reads every topic from
 * the beginning and writes its own output topics) and a temporary state directory.
 */
public final class AnalyticsTestProperties {

	private AnalyticsTestProperties() {
	}

	public static void register(DynamicPropertyRegistry registry, String name) {
		TestInfrastructure.register(registry);
		String applicationId = applicationId(name);
		Path stateDir = stateDir();
		registry.add("spring.kafka.streams.application-id", () -> applicationId);
		registry.add("spring.kafka.streams.state-dir", stateDir::toString);
	}

	/** A fresh Streams application id. */
	public static String applicationId(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A fresh state directory under the module's {@code target} folder (removed with the
	 * build's output, never left in the system's temporary folder).
	 */
	public static Path stateDir() {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target", "streams-state")),
					"analytics-streams-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
