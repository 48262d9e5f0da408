package com.complaintflow.systemtests.bench;

import java.nio.file.Path;
import java.util.Map;

import com.complaintflow.localstack.Service;

/**
 * The running system the pipeline benchmark measures: the embedded multi-process stack
 * ({@link EmbeddedTarget}) or the repository's docker compose stack
 * ({@link ComposeTarget}).
 */
interface BenchTarget extends AutoCloseable {

	/** One line on what runs, printed before the measurements. */
	String description();

	String bootstrapServers();

	/** A service's base URL, e.g. {@code http://localhost:8081}. */
	String url(Service service);

	BenchCredentials credentials();

	/**
	 * CPU time and memory so far of each process of the stack by name: the four services
	 * ({@link Service#serviceName()}), then {@code kafka} and {@code mongo}; unknown
	 * values where this target cannot read them.
	 */
	Map<String, ProcessUsage> usage();

	/** Where the benchmark writes its logs (the Kafka ceiling's output). */
	Path logs();

}
