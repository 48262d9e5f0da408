package com.complaintflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts a main class of this classpath as a child JVM with its output in a log file, and
 * stops it gently or with SIGKILL.
 */
final class JavaProcess {

	/** The children still running; one shutdown hook ends them however this JVM ends. */
	private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(Process::destroyForcibly)));
	}

	private JavaProcess() {
	}

	/**
	 * Starts a child JVM.
	 * @param mainClass the class to run
	 * @param jvmOptions options such as heap size
	 * @param args the program's arguments
	 * @param log where its standard output and error go (appended)
	 * @return the running process
	 */
	static Process start(String mainClass, List<String> jvmOptions, List<String> args, Path log) {
		return run(jvmOptions, List.of("-cp", System.getProperty("java.class.path"), mainClass), args, log);
	}

	/** Starts an executable jar as a child JVM, like {@link #start} otherwise. */
	static Process startJar(Path jar, List<String> jvmOptions, List<String> args, Path log) {
		return run(jvmOptions, List.of("-jar", jar.toString()), args, log);
	}

	private static Process run(List<String> jvmOptions, List<String> target, List<String> args, Path log) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(target);
		command.addAll(args);
		String mainClass = String.join(" ", target);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			// A child must not outlive its parent, however the parent ends.
			CHILDREN.add(process);
			process.onExit().thenRun(() -> CHILDREN.remove(process));
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + mainClass, ex);
		}
	}

	/** SIGTERM, then SIGKILL when it has not stopped within the grace period. */
	static void stop(Process process, long graceSeconds) {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
				kill(process);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/**
	 * SIGKILL ({@code kill -9}): no shutdown hooks, no flushing; waits until the process
	 * is gone.
	 */
	static void kill(Process process) {
		if (process == null) {
			return;
		}
		process.destroyForcibly();
		try {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
