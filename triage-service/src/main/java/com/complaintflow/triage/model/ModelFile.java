package com.complaintflow.triage.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.complaintflow.events.Language;

/**
 * Reads and writes a {@link LanguageModel} as one gzip file: a header (magic, format,
 * language, version, scheme), the vocabulary's hashes, each field's values, calibration,
 * threshold, bias and weights, and a CRC-32 of all of it, so a truncated or altered file
 * is refused rather than half read.
 */
public final class ModelFile {

	private static final int MAGIC = 0x43465431;

	private static final int FORMAT = 1;

	private static final int MAX_FEATURES = 500_000;

	private static final int MAX_CLASSES = 16;

	private ModelFile() {
	}

	/** The file name of a language's model. */
	public static String fileName(Language language) {
		return "triage-model-" + language.name().toLowerCase(Locale.ROOT) + ".bin.gz";
	}

	/** Writes a model. */
	public static void write(LanguageModel model, Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			write(model, out);
		}
	}

	/** Writes a model to a stream. */
	public static void write(LanguageModel model, OutputStream stream) throws IOException {
		GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(stream, 1 << 16));
		CheckedOutputStream checked = new CheckedOutputStream(gzip, new CRC32());
		DataOutputStream out = new DataOutputStream(checked);
		out.writeInt(MAGIC);
		out.writeInt(FORMAT);
		out.writeUTF(model.language().name());
		out.writeUTF(model.version());
		out.writeUTF(model.scheme().name());
		long[] hashes = model.vocabulary().hashes();
		out.writeInt(hashes.length);
		for (long hash : hashes) {
			out.writeLong(hash);
		}
		out.writeInt(model.classifiers().size());
		for (FieldClassifier classifier : model.classifiers().values()) {
			out.writeUTF(classifier.field());
			out.writeInt(classifier.classes().size());
			for (String value : classifier.classes()) {
				out.writeUTF(value);
			}
			out.writeDouble(classifier.temperature());
			out.writeDouble(classifier.threshold());
			for (float b : classifier.bias()) {
				out.writeFloat(b);
			}
			for (float offset : classifier.offsets()) {
				out.writeFloat(offset);
			}
			// weights as 16-bit integers with one scale per field: half the size, error <
			// 1e-4
			float[] weights = classifier.weights();
			float max = 0;
			for (float w : weights) {
				max = Math.max(max, Math.abs(w));
			}
			float scale = (max > 0) ? max / Short.MAX_VALUE : 1;
			out.writeInt(weights.length);
			out.writeFloat(scale);
			for (float w : weights) {
				out.writeShort(Math.round(w / scale));
			}
		}
		out.flush();
		long crc = checked.getChecksum().getValue();
		new DataOutputStream(gzip).writeLong(crc);
		gzip.finish();
		gzip.flush();
	}

	/**
	 * Reads a model file.
	 * @throws InvalidModelException when the file is missing, truncated, altered or
	 * inconsistent
	 */
	public static LanguageModel read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		}
		catch (IOException ex) {
			throw new InvalidModelException(file + ": cannot read (" + ex.getMessage() + ")");
		}
	}

	/** Reads a model from a stream; {@code source} names it in problems. */
	public static LanguageModel read(InputStream stream, String source) {
		try {
			GZIPInputStream gzip = new GZIPInputStream(new BufferedInputStream(stream, 1 << 16));
			CheckedInputStream checked = new CheckedInputStream(gzip, new CRC32());
			DataInputStream in = new DataInputStream(checked);
			if (in.readInt() != MAGIC) {
				throw new InvalidModelException(source + ": not a triage model file");
			}
			int format = in.readInt();
			if (format != FORMAT) {
				throw new InvalidModelException(source + ": format " + format + " (this service reads " + FORMAT + ")");
			}
			Language language = Language.valueOf(in.readUTF());
			String version = in.readUTF();
			NgramFeatures scheme = NgramFeatures.valueOf(in.readUTF());
			int features = in.readInt();
			if (features < 0 || features > MAX_FEATURES) {
				throw new InvalidModelException(source + ": " + features + " features is out of range");
			}
			long[] hashes = new long[features];
			byte[] hashBytes = new byte[features * Long.BYTES];
			in.readFully(hashBytes);
			ByteBuffer.wrap(hashBytes).asLongBuffer().get(hashes);
			int fieldCount = in.readInt();
			if (fieldCount < 0 || fieldCount > 32) {
				throw new InvalidModelException(source + ": " + fieldCount + " fields is out of range");
			}
			Map<String, FieldClassifier> classifiers = new LinkedHashMap<>();
			for (int f = 0; f < fieldCount; f++) {
				String field = in.readUTF();
				int classCount = in.readInt();
				if (classCount < 2 || classCount > MAX_CLASSES) {
					throw new InvalidModelException(source + ": field " + field + " has " + classCount + " values");
				}
				List<String> classes = new ArrayList<>();
				for (int c = 0; c < classCount; c++) {
					classes.add(in.readUTF());
				}
				double temperature = in.readDouble();
				double threshold = in.readDouble();
				float[] bias = new float[classCount];
				for (int c = 0; c < classCount; c++) {
					bias[c] = in.readFloat();
				}
				float[] offsets = new float[classCount];
				for (int c = 0; c < classCount; c++) {
					offsets[c] = in.readFloat();
				}
				int length = in.readInt();
				if (length != features * classCount) {
					throw new InvalidModelException(source + ": field " + field + " has " + length
							+ " weights, expected " + ((long) features * classCount));
				}
				float scale = in.readFloat();
				if (!(scale > 0) || Float.isInfinite(scale)) {
					throw new InvalidModelException(source + ": field " + field + " has weight scale " + scale);
				}
				float[] weights = new float[length];
				short[] quantized = new short[length];
				byte[] weightBytes = new byte[length * Short.BYTES];
				in.readFully(weightBytes);
				ByteBuffer.wrap(weightBytes).asShortBuffer().get(quantized);
				for (int i = 0; i < length; i++) {
					weights[i] = quantized[i] * scale;
				}
				classifiers.put(field,
						new FieldClassifier(field, classes, weights, bias, temperature, threshold, offsets));
			}
			long computed = checked.getChecksum().getValue();
			long stored = new DataInputStream(gzip).readLong();
			if (computed != stored) {
				throw new InvalidModelException(source + ": checksum mismatch (the file is altered or truncated)");
			}
			return new LanguageModel(language, version, scheme, new Vocabulary(hashes), classifiers);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new InvalidModelException(source + ": unreadable (" + ex.getMessage() + ")");
		}
	}

}
