package com.complaintflow.triage.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.complaintflow.triage.config.TriageSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Holds the rules in force: the bundled ones, or a file that is re-read when it changes.
 * A bad file is rejected with its problems and the rules in force stay.
 */
@Component
public class RulesRegistry implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RulesRegistry.class);

	private final AtomicReference<RuleSet> current;

	private final AtomicReference<RulesStatus> status;

	private final Path file;

	private final MeterRegistry meters;

	private final ScheduledExecutorService watcher;

	private volatile FileStamp lastSeen;

	RulesRegistry(TriageSettings settings, MeterRegistry meters) {
		this.meters = meters;
		reloads("accepted");
		reloads("rejected");
		RuleSet bundled = RulesLoader.bundled();
		this.current = new AtomicReference<>(bundled);
		this.status = new AtomicReference<>(
				new RulesStatus(bundled.version(), RulesLoader.BUNDLED, Instant.now(), null, List.of()));
		if (settings.hasRulesFile()) {
			this.file = Path.of(settings.rulesFile());
			reload();
			long interval = settings.rulesCheckInterval().toMillis();
			this.watcher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "triage-rules-watch");
				thread.setDaemon(true);
				return thread;
			});
			this.watcher.scheduleWithFixedDelay(this::reloadIfChanged, interval, interval, TimeUnit.MILLISECONDS);
		}
		else {
			this.file = null;
			this.watcher = null;
		}
	}

	/** The rules in force. */
	public RuleSet current() {
		return this.current.get();
	}

	/** Which rules are in force, since when, and the last rejection if any. */
	public RulesStatus status() {
		return this.status.get();
	}

	/**
	 * Reads the rules file now; on a problem the rules in force stay.
	 * @return the status after the attempt
	 */
	public synchronized RulesStatus reload() {
		if (this.file == null) {
			return status();
		}
		this.lastSeen = stamp();
		try {
			RuleSet rules = RulesLoader.load(this.file);
			this.current.set(rules);
			this.status.set(new RulesStatus(rules.version(), this.file.toString(), Instant.now(), null, List.of()));
			reloaded("accepted");
			log.info("Triage rules {} loaded from {}", rules.version(), this.file);
		}
		catch (InvalidRulesException ex) {
			RulesStatus previous = status();
			this.status.set(new RulesStatus(previous.version(), previous.source(), previous.loadedAt(), Instant.now(),
					ex.problems()));
			reloaded("rejected");
			log.error("Rejected triage rules file {}; rules {} stay in force. Problems: {}", this.file,
					previous.version(), ex.problems());
		}
		return status();
	}

	private void reloadIfChanged() {
		try {
			if (!stamp().equals(this.lastSeen)) {
				reload();
			}
		}
		catch (RuntimeException ex) {
			log.error("Checking the triage rules file {} failed", this.file, ex);
		}
	}

	private FileStamp stamp() {
		try {
			return new FileStamp(Files.getLastModifiedTime(this.file).toMillis(), Files.size(this.file));
		}
		catch (IOException ex) {
			return new FileStamp(-1, -1);
		}
	}

	@Override
	public void destroy() {
		if (this.watcher != null) {
			this.watcher.shutdownNow();
		}
	}

	/** When a file was last modified and its size, to notice changes. */
	private record FileStamp(long modified, long size) {
	}

	/**
	 * The rules in force and the outcome of the last attempt to load.
	 *
	 * @param version the version in force
	 * @param source where it came from
	 * @param loadedAt when it was loaded
	 * @param rejectedAt when a file was last rejected, or null
	 * @param problems the problems of the rejected file
	 */
	public record RulesStatus(String version, String source, Instant loadedAt, Instant rejectedAt,
			List<String> problems) {
	}

	private void reloaded(String outcome) {
		reloads(outcome).increment();
	}

	/**
	 * The reloads counter of an outcome; both are registered at start-up, so the first
	 * rejection is an increase an alert sees.
	 */
	private Counter reloads(String outcome) {
		return Counter.builder("triage.rules.reloads")
			.description("Rules files offered for loading, by outcome (accepted or rejected)")
			.tag("outcome", outcome)
			.register(this.meters);
	}

}
