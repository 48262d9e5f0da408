package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.complaintflow.localstack.ProcessStack;
import com.complaintflow.localstack.Service;
import com.complaintflow.localstack.ServiceProcess;
import com.complaintflow.wireserver.WireServerBackends;

/**
 * The embedded multi-process stack (wire server, broker, one JVM per service) started for
 * the benchmark on ports of its own and stopped at the end; CPU and memory from /proc;
 * JFR profiles on request, dumped and summarised when it closes.
 */
final class EmbeddedTarget implements BenchTarget {

	private final ProcessStack stack;

	private final Path data;

	private final boolean jfr;

	private EmbeddedTarget(ProcessStack stack, Path data, boolean jfr) {
		this.stack = stack;
		this.data = data;
		this.jfr = jfr;
	}

	/**
	 * Starts the stack in a temporary folder.
	 * @param jfr whether each service runs with a flight recording
	 * @return the running target
	 */
	static EmbeddedTarget start(boolean jfr) throws IOException {
		Path data = Files.createTempDirectory("complaint-flow-bench");
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			ports.put(service, service.defaultPort() + 20_000);
		}
		List<String> jvmOptions = new ArrayList<>(ProcessStack.THROUGHPUT);
		if (jfr) {
			jvmOptions.add(FlightRecordings.jvmOption());
		}
		ProcessStack stack = ProcessStack.start(data, 39092, 47017, ports, List.of(), jvmOptions);
		if (jfr) {
			FlightRecordings.startIn(stack.mongoPid());
		}
		return new EmbeddedTarget(stack, data, jfr);
	}

	@Override
	public String description() {
		return "the embedded stack; data and logs in " + this.data;
	}

	@Override
	public String bootstrapServers() {
		return this.stack.broker().bootstrapServers();
	}

	@Override
	public String url(Service service) {
		return this.stack.service(service).url();
	}

	@Override
	public BenchCredentials credentials() {
		return BenchCredentials.local();
	}

	@Override
	public Map<String, ProcessUsage> usage() {
		Map<String, ProcessUsage> usage = new LinkedHashMap<>();
		for (ServiceProcess process : this.stack.services()) {
			usage.put(process.service().serviceName(), ProcessUsage.of(process.pid()));
		}
		usage.put("kafka", ProcessUsage.of(this.stack.broker().process().pid()));
		usage.put("mongo", ProcessUsage.of(this.stack.mongoPid()));
		return usage;
	}

	@Override
	public Path logs() {
		return this.data.resolve("logs");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		try {
			if (this.jfr) {
				System.out.println("\n== JFR profiles of the whole run (methods on top of the sampled stacks)");
				for (ServiceProcess process : this.stack.services()) {
					FlightRecordings.dumpAndSummarise(process.service().serviceName(), process.pid(),
							logs().resolve("jfr"));
				}
				FlightRecordings.dumpAndSummarise("mongo", this.stack.mongoPid(), logs().resolve("jfr"));
			}
		}
		finally {
			this.stack.close();
			ProcessStack.discardStores(this.data);
			printCollectionScans(logs().resolve("mongo.log"));
			System.out.println("Process logs kept in " + logs() + " (the broker's and database's data deleted)");
		}
	}

	/**
	 * The finds, updates and deletes the stand-in database answered by reading a whole
	 * collection of 1,000 documents or more, as its log says (the wire server's
	 * {@code CollectionScans}): each shape of filter once, with the most times seen.
	 */
	private static void printCollectionScans(Path log) {
		if (!Files.exists(log)) {
			return;
		}
		String marker = WireServerBackends.COLLECTION_SCAN + " (";
		Map<String, String> latest = new LinkedHashMap<>();
		try (Stream<String> lines = Files.lines(log)) {
			lines.filter((line) -> line.contains(marker))
				.map((line) -> line.substring(line.indexOf(marker)))
				.forEach((scan) -> latest.put(scan.substring(scan.indexOf("): ") + 3), scan));
		}
		catch (IOException | UncheckedIOException ex) {
			System.out.println("\nThe stand-in database's log could not be read for its collection scans: " + ex);
			return;
		}
		System.out.println("\n== The stand-in database's collection scans (no index answered them): "
				+ (latest.isEmpty() ? "none" : latest.size() + " shapes of filter"));
		latest.values().forEach((scan) -> System.out.println("   " + scan));
	}

}
