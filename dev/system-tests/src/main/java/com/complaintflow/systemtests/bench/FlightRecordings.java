package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The benchmark's JFR profiles (flag {@code --jfr}): each service runs with a continuous
 * flight recording; at the end each is dumped ({@code jcmd <pid> JFR.dump}) and the
 * methods most often on top of the sampled stacks are printed, with the shares by library
 * (start-up threads left out), so a run says what bounds it. The recordings stay in the
 * logs folder for JDK Mission Control.
 */
final class FlightRecordings {

	private static final int TOP = 12;

	private static final Set<String> START_UP_THREADS = Set.of("main", "background-preinit");

	private FlightRecordings() {
	}

	/**
	 * Whether a thread only starts the application: Spring Boot's main thread and its
	 * pre-initialisation.
	 */
	private static boolean isStartUp(RecordedThread thread) {
		return thread != null && START_UP_THREADS.contains(thread.getJavaName());
	}

	/** The JVM option that starts a recording with the profiling settings. */
	static String jvmOption() {
		return "-XX:StartFlightRecording=name=bench,settings=profile";
	}

	/**
	 * Starts the same recording in a running JVM (the wire server, whose command line the
	 * stack owns).
	 * @param pid the process
	 */
	static void startIn(long pid) throws IOException {
		jcmd(pid, "JFR.start", "name=bench", "settings=profile");
	}

	private static boolean jcmd(long pid, String... command) throws IOException {
		List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
		line.addAll(List.of(command));
		Process jcmd = new ProcessBuilder(line).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			return jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Dumps a process's recording and prints its hottest methods.
	 * @param name the process's name
	 * @param pid its pid
	 * @param folder where the recording is written
	 */
	static void dumpAndSummarise(String name, long pid, Path folder) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		Path file = folder.resolve(name + ".jfr").toAbsolutePath();
		if (!jcmd(pid, "JFR.dump", "name=bench", "filename=" + file) || !Files.exists(file)) {
			System.out.printf("   %s: no recording dumped%n", name);
			return;
		}
		Map<String, Integer> topFrames = new HashMap<>();
		LibraryShares libraries = new LibraryShares();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			samples++;
			RecordedFrame top = frames.get(0);
			topFrames.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
			if (!isStartUp(event.getThread("sampledThread"))) {
				libraries.add(frames.stream().map((frame) -> frame.getMethod().getType().getName()).toList());
			}
		}
		System.out.printf("   %s: %d execution samples (%s), hottest methods:%n", name, samples, file);
		int total = samples;
		topFrames.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(TOP)
			.forEach((entry) -> System.out.printf("     %5.1f%% %s%n", 100.0 * entry.getValue() / total,
					entry.getKey()));
		if (libraries.samples() > 0) {
			System.out.printf("     by library (nearest the top of each stack; %d samples, start-up left out): %s%n",
					libraries.samples(), libraries.largest(TOP));
		}
	}

}
