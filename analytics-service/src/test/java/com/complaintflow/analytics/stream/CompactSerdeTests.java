package com.complaintflow.analytics.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.complaintflow.analytics.TestEvents;
import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compact stored form: every field of a complaint's state, an event and a bucket's
 * counters reads back equal (types and nulls included), and a value of another version or
 * kind, BSON of an older build, or a damaged value is rejected, never misread.
 */
class CompactSerdeTests {

	private static final Instant START = Instant.parse("2026-11-22T07:50:00Z");

	private final TestEvents life = new TestEvents("c-1", START, Channel.HOTLINE, Category.NETWORK, "BJ-CY",
			Playbook.NETWORK_FAULT);

	@Test
	void aStateWithEveryKindOfEventReadsBackEqual() {
		List<ComplaintEvent> events = new ArrayList<>(this.life.happyLife(Outcome.RETAINED, 4));
		events.add(this.life.breach(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(70)));
		events.add(this.life.escalated(Duration.ofMinutes(75)));
		events.add(this.life.waiting(Duration.ofMinutes(80)));
		events.add(this.life.resumed(Duration.ofMinutes(80), Duration.ofMinutes(90),
				this.life.due(MilestoneKind.PROMISED_ANSWER, Duration.ofHours(5))));
		events.add(this.life.corrected("category", "BILLING", "model", Duration.ofMinutes(95)));
		ComplaintState state = ComplaintState.empty(null);
		for (ComplaintEvent event : events) {
			state = state.with("c-1", JournalEntry.of(event));
		}

		ComplaintState read = roundTrip(CompactSerde.STATES, state);

		assertThat(read.complaintId()).isEqualTo("c-1");
		assertThat(read.entries()).hasSize(events.size()).isEqualTo(state.entries());
		assertThat(read.eventsDocument()).isEqualTo(state.eventsDocument());
		assertThat(read.changes()).isEmpty();
		assertThat(read.fresh()).isFalse();
	}

	@Test
	void anEntryKeepsEveryValueTypeAndNull() {
		Document nested = new Document("kind", "FIRST_RESPONSE").append("seq", 1)
			.append("elapsedMs", 600_000L)
			.append("met", true)
			.append("breached", false)
			.append("dueAt", new Date(1_700_000_000_123L))
			.append("none", null);
		List<Object> list = new ArrayList<>(Arrays.asList("A", null, 7, nested, List.of()));
		Document attributes = new Document("text", "Région ✓ 区域").append("int", Integer.MIN_VALUE)
			.append("long", Long.MIN_VALUE)
			.append("max", Long.MAX_VALUE)
			.append("negative", -1L)
			.append("double", 0.1)
			.append("at", new Date(-1L))
			.append("null", null)
			.append("empty", "")
			.append("long text", "x".repeat(70_000))
			.append("list", list)
			.append("doc", nested);
		JournalEntry entry = new JournalEntry("e-1", "case-closed", null, Instant.parse("1969-12-31T23:59:59.999Z"),
				attributes);

		JournalEntry read = roundTrip(CompactSerde.ENTRIES, entry);

		assertThat(read).isEqualTo(entry);
		assertThat(read.attributes().get("int")).isInstanceOf(Integer.class);
		assertThat(read.attributes().get("long")).isInstanceOf(Long.class);
		assertThat(read.attributes()).containsEntry("null", null);
		assertThat(read.source()).isNull();
		ComplaintState nullId = roundTrip(CompactSerde.STATES,
				new ComplaintState(null, Map.of("e-1", entry), Map.of(), null, true));
		assertThat(nullId.complaintId()).isNull();
		assertThat(nullId.entries()).containsEntry("e-1", entry);
	}

	@Test
	void anEventTimeIsKeptToTheMillisecondAsBefore() {
		JournalEntry entry = new JournalEntry("e-1", "complaint-received", "intake",
				Instant.parse("2026-11-22T07:50:00.123456789Z"), new Document());

		assertThat(roundTrip(CompactSerde.ENTRIES, entry).occurredAt())
			.isEqualTo(Instant.parse("2026-11-22T07:50:00.123Z"));
	}

	@Test
	void countersReadBackEqualNegativesIncluded() {
		Counters counters = new Counters().add("received", 3)
			.add("firstResponse:b12", -2)
			.add("offeredCents", 1_000_000_000_000L)
			.add("firstResponse:sum", Long.MIN_VALUE);

		assertThat(roundTrip(CompactSerde.COUNTER_VALUES, counters)).isEqualTo(counters);
		assertThat(roundTrip(CompactSerde.COUNTER_VALUES, new Counters()).isEmpty()).isTrue();
		assertThat(CompactSerde.counters(CompactSerde.COUNTER_VALUES.serializer().serialize("t", counters)))
			.isEqualTo(counters);
	}

	@Test
	void nullStaysNull() {
		assertThat(CompactSerde.STATES.serializer().serialize("t", null)).isNull();
		assertThat(CompactSerde.STATES.deserializer().deserialize("t", null)).isNull();
	}

	@Test
	void anotherVersionIsRejectedNamingTheFix() {
		byte[] bytes = CompactSerde.COUNTER_VALUES.serializer().serialize("t", new Counters().add("received", 1));
		bytes[3] = (byte) (CompactSerde.VERSION + 1);

		assertThatThrownBy(() -> CompactSerde.counters(bytes)).isInstanceOf(SerializationException.class)
			.hasMessageContaining("format version 2")
			.hasMessageContaining("reset the Streams application");
	}

	@Test
	void anotherKindIsRejected() {
		byte[] counters = CompactSerde.COUNTER_VALUES.serializer().serialize("t", new Counters().add("received", 1));

		assertThatThrownBy(() -> CompactSerde.events(counters)).isInstanceOf(SerializationException.class)
			.hasMessageContaining("kind 'N'");
	}

	@Test
	void theBsonOfAnOlderBuildIsRejected() {
		BasicOutputBuffer buffer = new BasicOutputBuffer();
		try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
			new DocumentCodec().encode(writer, new Document("c", "c-1").append("e", new Document()),
					EncoderContext.builder().build());
		}

		assertThatThrownBy(() -> CompactSerde.events(buffer.toByteArray())).isInstanceOf(SerializationException.class)
			.hasMessageContaining("not a compact analytics value");
	}

	@Test
	void aDamagedValueIsRejected() {
		byte[] bytes = CompactSerde.STATES.serializer()
			.serialize("t", ComplaintState.empty(null).with("c-1", JournalEntry.of(this.life.received())));
		// an entry: header, event id "", no type, no source, time 0, one attribute, tag
		// 99
		byte[] unknownTag = { 'C', 'F', 'E', CompactSerde.VERSION, 1, 0, 0, 0, 1, 0, 99 };

		assertThatThrownBy(() -> CompactSerde.events(Arrays.copyOf(bytes, bytes.length - 1)))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("ends early");
		assertThatThrownBy(() -> CompactSerde.events(Arrays.copyOf(bytes, bytes.length + 1)))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("left over");
		assertThatThrownBy(() -> CompactSerde.ENTRIES.deserializer().deserialize("t", unknownTag))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("unknown type tag 99");
	}

	private static <T> T roundTrip(Serde<T> serde, T value) {
		return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
	}

}
