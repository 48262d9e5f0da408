package com.complaintflow.triage.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Language;
import com.complaintflow.triage.config.TriageSettings;
import com.complaintflow.triage.rules.Advice;
import com.complaintflow.triage.text.ChineseScript;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Holds the learned model in force per language: the bundled files, or a directory that
 * is re-read when its files change. A new file is validated before it replaces anything;
 * a missing, corrupt or rejected file never stops triage: that language is decided by the
 * rules alone (or by the model in force before), and status, health and metrics say so.
 */
@Component
public class ModelRegistry implements DisposableBean {

	/** Where the bundled models are on the classpath. */
	public static final String BUNDLED_DIR = "rules/models/";

	private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

	/**
	 * The models in force, read without a lock: a reload reads and validates a file (a
	 * second or two for a large model) while decisions go on with the model before.
	 */
	private final Map<Language, LanguageModel> current = new ConcurrentHashMap<>();

	private final Map<Language, ModelStatus> status = new ConcurrentHashMap<>();

	private final Map<Language, Long> stamps = new EnumMap<>(Language.class);

	private final Path dir;

	private final MeterRegistry meters;

	private final ScheduledExecutorService watcher;

	public ModelRegistry(TriageSettings settings, MeterRegistry meters) {
		this.meters = meters;
		reloads("accepted");
		reloads("rejected");
		this.dir = settings.hasModelDir() ? Path.of(settings.modelDir()) : null;
		for (Language language : Language.values()) {
			this.status.put(language, ModelStatus.absent(language, source(language), null));
			Gauge.builder("triage.model.loaded", this, (registry) -> registry.model(language) != null ? 1 : 0)
				.description("1 when a learned model decides beside the rules for the language, 0 for rules only")
				.tag("language", language.name())
				.register(meters);
		}
		reload();
		if (this.dir != null) {
			long interval = settings.rulesCheckInterval().toMillis();
			this.watcher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "triage-model-watch");
				thread.setDaemon(true);
				return thread;
			});
			this.watcher.scheduleWithFixedDelay(this::reloadIfChanged, interval, interval, TimeUnit.MILLISECONDS);
		}
		else {
			this.watcher = null;
		}
	}

	/**
	 * The model's advice for a complaint (field key to advice); empty when its language
	 * has no model or the model fails, so the rules decide.
	 */
	public Map<String, Advice> advise(ComplaintReceived complaint) {
		return advise(complaint, List.of());
	}

	/**
	 * The advice of the model of the complaint's language, given the rules signals fired.
	 */
	public Map<String, Advice> advise(ComplaintReceived complaint, List<String> signals) {
		Language language = (complaint.language() != null) ? complaint.language()
				: (ChineseScript.hasHan(complaint.description()) ? Language.ZH : Language.EN);
		LanguageModel model = model(language);
		if (model == null) {
			return Map.of();
		}
		try {
			return model.advise(complaint.description(), signals);
		}
		catch (RuntimeException ex) {
			Counter.builder("triage.model.failures")
				.description("Complaints the learned model failed on (the rules decided them), by language")
				.tag("language", language.name())
				.register(this.meters)
				.increment();
			log.error("The {} triage model failed on a complaint; the rules decide it", language, ex);
			return Map.of();
		}
	}

	/** The model in force for a language, or null (never waits for a reload). */
	public LanguageModel model(Language language) {
		return this.current.get(language);
	}

	/** The state of each language's model, by language. */
	public List<ModelStatus> status() {
		return this.status.values().stream().sorted(Comparator.comparing(ModelStatus::language)).toList();
	}

	/**
	 * Reads every language's model file now; a file that is rejected leaves the model in
	 * force (if any) in place. Reloads take turns (this lock); deciding takes none.
	 * @return the status after the attempt
	 */
	public synchronized List<ModelStatus> reload() {
		for (Language language : Language.values()) {
			reload(language);
		}
		return status();
	}

	private void reload(Language language) {
		String source = source(language);
		this.stamps.put(language, stamp(language));
		LanguageModel previous = this.current.get(language);
		LanguageModel candidate;
		long started = System.nanoTime();
		try (InputStream in = open(language)) {
			if (in == null) {
				this.status.put(language, (previous != null) ? this.status.get(language).rejected("the file is missing")
						: ModelStatus.absent(language, source, "no model file"));
				if (previous == null) {
					log.warn("No triage model for {} at {}: that language is decided by the rules alone", language,
							source);
				}
				else {
					reject(language, source, "the file is missing", previous);
				}
				return;
			}
			candidate = ModelFile.read(in, source);
		}
		catch (IOException | InvalidModelException ex) {
			reject(language, source, ex.getMessage(), previous);
			return;
		}
		List<String> problems = ModelValidator.problems(candidate, language);
		if (!problems.isEmpty()) {
			reject(language, source, String.join("; ", problems), previous);
			return;
		}
		this.current.put(language, candidate);
		long millis = (System.nanoTime() - started) / 1_000_000;
		this.status.put(language, ModelStatus.loaded(language, candidate.version(), source, millis));
		reloaded("accepted");
		log.info("Triage model {} for {} loaded from {} in {} ms", candidate.version(), language, source, millis);
	}

	private void reject(Language language, String source, String problem, LanguageModel previous) {
		reloaded("rejected");
		if (previous != null) {
			this.status.put(language, this.status.get(language).rejected(problem));
			log.error("Rejected triage model file {}; model {} stays in force. Problem: {}", source, previous.version(),
					problem);
		}
		else {
			this.status.put(language, ModelStatus.absent(language, source, problem).rejected(problem));
			log.error("Rejected triage model file {}; {} is decided by the rules alone. Problem: {}", source, language,
					problem);
		}
	}

	private InputStream open(Language language) throws IOException {
		if (this.dir == null) {
			return ModelRegistry.class.getClassLoader().getResourceAsStream(source(language));
		}
		Path file = this.dir.resolve(ModelFile.fileName(language));
		return Files.exists(file) ? Files.newInputStream(file) : null;
	}

	private String source(Language language) {
		return (this.dir != null) ? this.dir.resolve(ModelFile.fileName(language)).toString()
				: BUNDLED_DIR + ModelFile.fileName(language);
	}

	private void reloadIfChanged() {
		try {
			for (Language language : Language.values()) {
				synchronized (this) {
					if (stamp(language) != this.stamps.getOrDefault(language, -2L)) {
						reload(language);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("Checking the triage model directory {} failed", this.dir, ex);
		}
	}

	private long stamp(Language language) {
		if (this.dir == null) {
			return 0;
		}
		try {
			Path file = this.dir.resolve(ModelFile.fileName(language));
			return Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public void destroy() {
		if (this.watcher != null) {
			this.watcher.shutdownNow();
		}
	}

	/**
	 * The state of one language's model.
	 *
	 * @param language the language
	 * @param state {@code loaded} (model and rules decide) or {@code absent} (rules
	 * alone)
	 * @param version the model version in force, or null
	 * @param source where it was read
	 * @param loadedAt when it was put in force, or null
	 * @param loadMillis how long reading and validating took
	 * @param rejectedAt when a file was last rejected, or null
	 * @param problem why it was rejected or is absent, or null
	 */
	public record ModelStatus(Language language, String state, String version, String source, Instant loadedAt,
			long loadMillis, Instant rejectedAt, String problem) {

		static ModelStatus absent(Language language, String source, String problem) {
			return new ModelStatus(language, "absent", null, source, null, 0, null, problem);
		}

		static ModelStatus loaded(Language language, String version, String source, long millis) {
			return new ModelStatus(language, "loaded", version, source, Instant.now(), millis, null, null);
		}

		ModelStatus rejected(String why) {
			return new ModelStatus(this.language, this.state, this.version, this.source, this.loadedAt, this.loadMillis,
					Instant.now(), why);
		}

	}

	private void reloaded(String outcome) {
		reloads(outcome).increment();
	}

	/**
	 * The reloads counter of an outcome; both are registered at start-up, so the first
	 * rejection is an increase an alert sees.
	 */
	private Counter reloads(String outcome) {
		return Counter.builder("triage.model.reloads")
			.description("Learned model files offered for loading, by outcome (accepted or rejected)")
			.tag("outcome", outcome)
			.register(this.meters);
	}

}
