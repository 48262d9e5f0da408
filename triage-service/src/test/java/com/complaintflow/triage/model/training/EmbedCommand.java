package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.complaintflow.events.Language;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * The sentence-embedding experiment's first half ({@code bench/triage-embed.sh}):
 * computes the embedding of every labelled text with LangChain4j's in-process ONNX models
 * (quantised; test scope, never in the service): all-MiniLM-L6-v2 for English,
 * bge-small-zh-v1.5 for Chinese. It writes the cache {@link DenseFeatures} reads, and
 * prints what an embedding costs on one thread: model load time, heap and resident
 * memory, CPU milliseconds per text (median, p90, p99, max).
 * <p>
 * Options: {@code --data DIR} (../shared/data), {@code --labels DIR}
 * (triage-service/training/labels), {@code --out DIR} (triage-service/target/embeddings),
 * {@code --whole-text} (the model's tokenizer file cuts a text at 128 tokens: with this
 * option a text is embedded in parts of 80 English words or 120 Chinese characters,
 * averaged by their length, as LangChain4j averages the parts of a text longer than 510
 * tokens), {@code --static words|chars} (instead, a static embedding distilled from the
 * model: {@link StaticEmbedding}).
 */
public final class EmbedCommand {

	/** The model of each language: its files in the model's jar and its pooling. */
	enum Encoder {

		EN("all-MiniLM-L6-v2 (quantised)", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
				PoolingMode.MEAN),

		/** BAAI's Chinese model, pooled by its first token as BGE is meant to be read. */
		ZH("bge-small-zh-v1.5 (quantised)", "bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json",
				PoolingMode.CLS);

		final String title;

		final String modelFile;

		final String tokenizerFile;

		final PoolingMode pooling;

		Encoder(String title, String modelFile, String tokenizerFile, PoolingMode pooling) {
			this.title = title;
			this.modelFile = modelFile;
			this.tokenizerFile = tokenizerFile;
			this.pooling = pooling;
		}

	}

	private EmbedCommand() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = TrainCommand.options(args);
		Path data = Path.of(options.getOrDefault("data", "../shared/data"));
		Path labels = Path.of(options.getOrDefault("labels", "triage-service/training/labels"));
		Path out = Path.of(options.getOrDefault("out", "triage-service/target/embeddings"));
		boolean wholeText = options.containsKey("whole-text");
		String staticTokens = options.get("static");
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (LabelStore.DataSet set : LabelStore.DataSet.values()) {
			Path labelFile = labels.resolve(set.labelFile());
			if (!Files.exists(labelFile)) {
				continue;
			}
			List<LabelledExample> examples = LabelStore.examples(labelFile, LabelStore.texts(data, set), set);
			Encoder encoder = Encoder.valueOf(set.language.name());
			long heapBefore = usedHeap();
			long rssBefore = residentKiB();
			long wall = System.nanoTime();
			long cpu = threads.getCurrentThreadCpuTime();
			OneThreadModel model = new OneThreadModel(encoder);
			double loadCpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
			double loadWallMs = (System.nanoTime() - wall) / 1e6;
			long heapAfter = usedHeap();
			long rssAfter = residentKiB();
			Map<String, String> texts = new LinkedHashMap<>();
			int[] lengths = new int[examples.size()];
			for (int i = 0; i < examples.size(); i++) {
				texts.put(examples.get(i).key(), examples.get(i).text());
				lengths[i] = examples.get(i).text().length();
			}
			Map<String, float[]> vectors;
			String cost;
			if (staticTokens != null) {
				vectors = StaticEmbedding.distil((token) -> model.embed(token).content().vector(), texts, set.language,
						staticTokens);
				cost = "  CPU per text: a table lookup per token, not timed here\n";
			}
			else {
				vectors = new LinkedHashMap<>();
				double[] cpuMs = embedTimed(model, examples, set.language, wholeText, vectors);
				cost = String.format(Locale.ROOT,
						"  CPU per text (one thread): median %.2f ms, p90 %.2f, p99 %.2f, max %.2f, mean %.2f%n",
						quantile(cpuMs, 0.5), quantile(cpuMs, 0.9), quantile(cpuMs, 0.99), cpuMs[cpuMs.length - 1],
						Arrays.stream(cpuMs).average().orElse(0));
			}
			Path file = DenseFeatures.file(out, set.language);
			DenseFeatures.write(file, encoder.title + ((staticTokens != null) ? ", static " + staticTokens
					: wholeText ? ", whole text" : ", first 128 tokens"), texts, vectors);
			Arrays.sort(lengths);
			System.out.printf(Locale.ROOT,
					"%s %s: %d texts, %d dimensions -> %s%n  load %.0f ms wall, %.0f ms CPU; heap +%.1f MB, resident +%.1f MB%n"
							+ "%s  characters per text: median %d, p90 %d, p99 %d, max %d%n",
					set.name, encoder.title, examples.size(), vectors.values().iterator().next().length, file,
					loadWallMs, loadCpuMs, (heapAfter - heapBefore) / 1e6, (rssAfter - rssBefore) / 1024.0, cost,
					lengths[lengths.length / 2], lengths[(int) (lengths.length * 0.9)],
					lengths[(int) (lengths.length * 0.99)], lengths[lengths.length - 1]);
			System.out.flush();
		}
	}

	/**
	 * Embeds every text on the calling thread (after 20 untimed warm-up texts) into
	 * {@code vectors}; returns each text's CPU milliseconds, sorted.
	 */
	private static double[] embedTimed(OneThreadModel model, List<LabelledExample> examples, Language language,
			boolean wholeText, Map<String, float[]> vectors) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < Math.min(20, examples.size()); i++) {
			model.embed(examples.get(i).text());
		}
		double[] cpuMs = new double[examples.size()];
		for (int i = 0; i < examples.size(); i++) {
			LabelledExample example = examples.get(i);
			long start = threads.getCurrentThreadCpuTime();
			float[] vector = wholeText ? model.embedInParts(example.text(), language)
					: model.embed(example.text()).content().vector();
			cpuMs[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
			vectors.put(example.key(), vector);
		}
		Arrays.sort(cpuMs);
		return cpuMs;
	}

	private static double quantile(double[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** The process's resident memory (Linux), KiB; 0 where unknown. */
	private static long residentKiB() throws IOException {
		Path status = Path.of("/proc/self/status");
		if (!Files.exists(status)) {
			return 0;
		}
		for (String line : Files.readAllLines(status)) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return 0;
	}

	/**
	 * A LangChain4j in-process model whose ONNX session computes on the calling thread
	 * alone (one intra-op thread, sequential), so its CPU time is the caller's.
	 */
	static final class OneThreadModel extends AbstractInProcessEmbeddingModel {

		private static final Executor CALLER = Runnable::run;

		private final OnnxBertBiEncoder encoder;

		OneThreadModel(Encoder encoder) throws OrtException, IOException {
			super(CALLER);
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			OrtSession session = environment.createSession(resource(encoder.modelFile), options);
			try (InputStream tokenizer = stream(encoder.tokenizerFile)) {
				this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, encoder.pooling);
			}
		}

		/**
		 * The embedding of a whole text: its parts (80 words, or 120 characters of
		 * Chinese) embedded one by one and averaged by their length.
		 */
		float[] embedInParts(String text, Language language) {
			List<String> parts = new ArrayList<>();
			if (language == Language.ZH) {
				int[] points = text.codePoints().toArray();
				for (int from = 0; from < points.length; from += 120) {
					parts.add(new String(points, from, Math.min(120, points.length - from)));
				}
			}
			else {
				String[] words = text.trim().split("\\s+");
				for (int from = 0; from < words.length; from += 80) {
					parts.add(String.join(" ", Arrays.copyOfRange(words, from, Math.min(words.length, from + 80))));
				}
			}
			float[] sum = null;
			for (String part : parts) {
				float[] vector = embed(part).content().vector();
				sum = (sum == null) ? new float[vector.length] : sum;
				for (int d = 0; d < vector.length; d++) {
					sum[d] += vector[d] * part.length();
				}
			}
			return sum;
		}

		private static byte[] resource(String name) throws IOException {
			try (InputStream in = stream(name)) {
				return in.readAllBytes();
			}
		}

		private static InputStream stream(String name) throws IOException {
			InputStream in = EmbedCommand.class.getClassLoader().getResourceAsStream(name);
			if (in == null) {
				throw new IOException("no " + name + " on the classpath");
			}
			return in;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.encoder;
		}

		@Override
		protected Integer knownDimension() {
			return null;
		}

	}

}
