package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The raw Kafka ceiling on the same broker: Kafka's own producer performance tool
 * (ProducerPerformance, as {@code kafka-producer-perf-test.sh} runs it) with acks=all and
 * the pipeline's payload size.
 */
final class KafkaCeiling {

	private static final Pattern RESULT = Pattern
		.compile("(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency");

	private static final String TOPIC = "bench.kafka-ceiling";

	private KafkaCeiling() {
	}

	/**
	 * Runs the tool in a child JVM and returns records per second.
	 * @param bootstrapServers the broker
	 * @param records how many records
	 * @param recordSize bytes per record
	 * @param log where the tool's output goes
	 * @return records per second, as the tool reports
	 */
	static double measure(String bootstrapServers, int records, int recordSize, Path log)
			throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			// As many partitions as the pipeline's topics, so the comparison is like for
			// like.
			admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			// a long-lived broker (docker compose) keeps it from an earlier run
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance", "--topic",
				TOPIC, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
				"--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
				"enable.idempotence=true", "linger.ms=5");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("ProducerPerformance did not finish");
		}
		String output = Files.readString(log);
		// The final summary line comes last; interim lines have the same shape.
		Matcher matcher = RESULT.matcher(output);
		double perSecond = -1;
		while (matcher.find()) {
			perSecond = Double.parseDouble(matcher.group(2));
		}
		if (perSecond < 0) {
			throw new IllegalStateException("No result from ProducerPerformance; see " + log);
		}
		return perSecond;
	}

}
