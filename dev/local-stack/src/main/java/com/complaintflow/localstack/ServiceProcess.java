package com.complaintflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One service as its own JVM, so that it can be killed with SIGKILL and restarted like a
 * crashed production process.
 */
public final class ServiceProcess {

	// generous: on a shared 2-core machine under load a service can take minutes to start
	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(300);

	private final Service service;

	private final int port;

	private final List<String> arguments;

	private final Path log;

	private final List<String> jvmOptions;

	private Process process;

	ServiceProcess(Service service, int port, String bootstrapServers, String mongoUri, List<String> extraProperties,
			List<String> jvmOptions, Path logDirectory) {
		this.service = service;
		this.port = port;
		List<String> properties = new ArrayList<>(extraProperties);
		properties.add("spring.profiles.active=local");
		this.arguments = List.of(RunningServices.arguments(service, bootstrapServers, mongoUri, port, properties));
		this.jvmOptions = jvmOptions;
		this.log = logDirectory.resolve(service.serviceName() + ".log");
	}

	/**
	 * Starts the JVM from the service's executable jar, as production runs it, or from
	 * this classpath when the jar has not been built; {@link #awaitHealthy()} waits for
	 * it.
	 */
	public ServiceProcess start() {
		Path jar = executableJar();
		this.process = (jar != null) ? JavaProcess.startJar(jar, this.jvmOptions, this.arguments, this.log)
				: JavaProcess.start(this.service.application().getName(), this.jvmOptions, this.arguments, this.log);
		return this;
	}

	/**
	 * {@code <module>/target/<module>-<version>-exec.jar} beside the service's plain jar,
	 * if built.
	 */
	private Path executableJar() {
		try {
			Path code = Path.of(this.service.application().getProtectionDomain().getCodeSource().getLocation().toURI());
			if (!code.toString().endsWith(".jar")) {
				return null;
			}
			Path exec = code.resolveSibling(code.getFileName().toString().replace(".jar", "-exec.jar"));
			return java.nio.file.Files.isRegularFile(exec) ? exec : null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	public void awaitHealthy() {
		Process running = this.process;
		HealthCheck.awaitUp(this.service.serviceName(), url(), HEALTH_TIMEOUT, running::isAlive);
	}

	/** SIGKILL, as a crash. */
	public void kill() {
		JavaProcess.kill(this.process);
	}

	/** SIGTERM with a grace period, as an orderly stop. */
	public void stop() {
		JavaProcess.stop(this.process, 30);
	}

	public Service service() {
		return this.service;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	/** The operating-system process id, for CPU and memory readings. */
	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

}
