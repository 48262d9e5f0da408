package com.complaintflow.wireserver;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the H2 backend's document maps: a document is stored as BSON (the
 * encoding the wire server answers with anyway) behind a marker byte, instead of H2's
 * default, Java serialisation, which was the larger part of the wire server's CPU under
 * the pipeline benchmark (writing every changed page, and reading pages back). Documents
 * an older file stored by Java serialisation are still read.
 */
final class DocumentType extends BasicDataType<Document> {

	/** Above every tag of H2's {@link ObjectDataType} (the highest is 119). */
	private static final byte BSON = 127;

	private static final int MAX_ATTEMPTS = 100;

	private final ObjectDataType serialised = new ObjectDataType();

	/** A running estimate of a document's size, for H2's page and cache accounting. */
	private volatile int averageSize = 1024;

	@Override
	public int getMemory(Document document) {
		return this.averageSize;
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf bson = Unpooled.buffer(this.averageSize + 64);
		try {
			encode(document, bson);
			int size = bson.readableBytes();
			buffer.put(BSON).put(bson.nioBuffer());
			this.averageSize = (15 * this.averageSize + size) / 16;
		}
		finally {
			bson.release();
		}
	}

	/**
	 * Encodes a document that a command may be changing meanwhile: mongo-java-server
	 * updates a stored document in place while H2 writes an older page that holds it in
	 * the background, so iterating it can fail; it is encoded again (the update marks its
	 * page for the next write anyway). Java serialisation did not fail there, as it does
	 * not check for concurrent changes.
	 */
	private static void encode(Document document, ByteBuf bson) {
		for (int attempt = 1;; attempt++) {
			try {
				BsonEncoder.encodeDocument(document, bson);
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
				bson.clear();
				Thread.onSpinWait();
			}
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != BSON) {
			return (Document) this.serialised.read(buffer);
		}
		buffer.get();
		// BSON starts with its own length, little-endian
		int size = Integer.reverseBytes(buffer.duplicate().order(ByteOrder.BIG_ENDIAN).getInt());
		ByteBuffer bson = buffer.slice().limit(size);
		buffer.position(buffer.position() + size);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

}
