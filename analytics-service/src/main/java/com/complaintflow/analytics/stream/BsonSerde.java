package com.complaintflow.analytics.stream;

import java.nio.ByteBuffer;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * A Kafka serde writing a value as one BSON document: compact, fast, and it keeps the
 * types the rollups need (dates, longs, nested lists) without a schema of its own. Null
 * stays null (a tombstone).
 */
public final class BsonSerde {

	private static final DocumentCodec CODEC = new DocumentCodec();

	private static final EncoderContext ENCODE = EncoderContext.builder().build();

	private static final DecoderContext DECODE = DecoderContext.builder().build();

	private BsonSerde() {
	}

	static <T> Serde<T> of(Function<T, Document> write, Function<Document, T> read) {
		Serializer<T> serializer = (topic, value) -> (value != null) ? bytes(write.apply(value)) : null;
		Deserializer<T> deserializer = (topic, data) -> (data != null) ? read.apply(document(data)) : null;
		return Serdes.serdeFrom(serializer, deserializer);
	}

	static byte[] bytes(Document document) {
		BasicOutputBuffer buffer = new BasicOutputBuffer(512);
		try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
			CODEC.encode(writer, document, ENCODE);
		}
		return buffer.toByteArray();
	}

	/** The document of bytes written by this serde. */
	public static Document document(byte[] data) {
		try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(data))) {
			return CODEC.decode(reader, DECODE);
		}
	}

}
