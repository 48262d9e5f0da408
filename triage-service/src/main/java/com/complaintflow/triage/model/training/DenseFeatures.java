package com.complaintflow.triage.model.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import com.complaintflow.events.Language;

/**
 * Sentence embeddings of the labelled texts as dense features beside the n-grams, read
 * from the cache {@code bench/triage-embed.sh} writes (an experiment of the training
 * command only: the service never computes embeddings, see docs/triage-accuracy-log.md,
 * "Sentence embeddings"). Each vector is L2-normalised and multiplied by a scale, since
 * it shares one C with thousands of sparse features.
 * <p>
 * Options: {@code -Dtriage.train.embeddings=DIR} (the cache, {@code embeddings-en.bin}
 * and {@code embeddings-zh.bin}; unset: no dense features),
 * {@code -Dtriage.train.embeddings.scale} (1), {@code -Dtriage.train.embeddings.fields}
 * (the fields that see them, comma-separated; {@code *} all), and
 * {@code -Dtriage.train.embeddings.only=true} (those fields see the embedding alone, no
 * n-grams or signals).
 */
public final class DenseFeatures {

	private static final String MAGIC = "complaint-flow sentence embeddings 1";

	private final Map<Language, Map<String, Entry>> vectors;

	private final Map<Language, String> models;

	private final double scale;

	private final Set<String> fields;

	private final boolean only;

	/** One cached text's embedding and the checksum of the text it was computed from. */
	private record Entry(int textCrc, float[] vector) {
	}

	private DenseFeatures(Map<Language, Map<String, Entry>> vectors, Map<Language, String> models, double scale,
			Set<String> fields, boolean only) {
		this.vectors = vectors;
		this.models = models;
		this.scale = scale;
		this.fields = fields;
		this.only = only;
	}

	/** The dense features the system properties ask for, or null if none. */
	public static DenseFeatures fromSystemProperties() throws IOException {
		String dir = System.getProperty("triage.train.embeddings");
		if (dir == null || dir.isBlank()) {
			return null;
		}
		return read(Path.of(dir), Double.parseDouble(System.getProperty("triage.train.embeddings.scale", "1")),
				Set.of(System.getProperty("triage.train.embeddings.fields", "*").split(",")),
				Boolean.getBoolean("triage.train.embeddings.only"));
	}

	/** Reads the cache files of a directory (a language without one gets none). */
	public static DenseFeatures read(Path dir, double scale, Set<String> fields, boolean only) throws IOException {
		Map<Language, Map<String, Entry>> vectors = new EnumMap<>(Language.class);
		Map<Language, String> models = new EnumMap<>(Language.class);
		for (Language language : Language.values()) {
			Path file = file(dir, language);
			if (!Files.exists(file)) {
				continue;
			}
			try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
				if (!MAGIC.equals(in.readUTF())) {
					throw new IOException(file + " is not an embedding cache");
				}
				models.put(language, in.readUTF());
				int dimensions = in.readInt();
				int count = in.readInt();
				Map<String, Entry> entries = new HashMap<>();
				for (int i = 0; i < count; i++) {
					String key = in.readUTF();
					int crc = in.readInt();
					float[] vector = new float[dimensions];
					for (int d = 0; d < dimensions; d++) {
						vector[d] = in.readFloat();
					}
					entries.put(key, new Entry(crc, scaled(vector, scale)));
				}
				vectors.put(language, entries);
			}
		}
		return new DenseFeatures(vectors, models, scale, fields, only);
	}

	/**
	 * Writes a language's cache: the model's name, then per text its key, the checksum of
	 * its text and its embedding.
	 * @param texts key to text
	 * @param embeddings key to embedding (all of one length)
	 */
	public static void write(Path file, String model, Map<String, String> texts, Map<String, float[]> embeddings)
			throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		int dimensions = embeddings.values().iterator().next().length;
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			out.writeUTF(MAGIC);
			out.writeUTF(model);
			out.writeInt(dimensions);
			out.writeInt(embeddings.size());
			for (Map.Entry<String, float[]> entry : embeddings.entrySet()) {
				out.writeUTF(entry.getKey());
				out.writeInt(crc(texts.get(entry.getKey())));
				for (float value : entry.getValue()) {
					out.writeFloat(value);
				}
			}
		}
	}

	/** The cache file of a language in a directory. */
	public static Path file(Path dir, Language language) {
		return dir.resolve("embeddings-" + language.name().toLowerCase(Locale.ROOT) + ".bin");
	}

	/**
	 * The scaled embedding of an example's text, or null if the cache has none (a staff
	 * correction); a text that changed since the cache was written is an error.
	 */
	public float[] of(LabelledExample example) {
		Entry entry = this.vectors.getOrDefault(example.language(), Map.of()).get(example.key());
		if (entry == null) {
			return null;
		}
		if (entry.textCrc() != crc(example.text())) {
			throw new IllegalStateException("the embedding cache is stale for " + example.set() + " " + example.key()
					+ ": run bench/triage-embed.sh again");
		}
		return entry.vector();
	}

	/** Whether a language has embeddings. */
	public boolean covers(Language language) {
		return this.vectors.containsKey(language);
	}

	/** Whether a field's classifier sees the embeddings. */
	public boolean appliesTo(String field) {
		return this.fields.contains("*") || this.fields.contains(field);
	}

	/** Whether those fields see the embeddings alone (no n-grams, no signals). */
	public boolean only() {
		return this.only;
	}

	/** The setting, for the report. */
	public String describe() {
		return String.format(Locale.ROOT, "sentence embeddings %s, scale %s, fields %s%s", this.models, this.scale,
				String.join(",", this.fields), this.only ? ", embeddings alone" : ", beside the n-grams");
	}

	private static float[] scaled(float[] vector, double scale) {
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		double factor = (norm > 0) ? scale / Math.sqrt(norm) : 0;
		float[] out = new float[vector.length];
		for (int d = 0; d < vector.length; d++) {
			out[d] = (float) (vector[d] * factor);
		}
		return out;
	}

	private static int crc(String text) {
		CRC32 crc = new CRC32();
		crc.update(text.getBytes(StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

}
