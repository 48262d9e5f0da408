package com.complaintflow.events;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.events.kafka.ComplaintEventDeserializer;
import com.complaintflow.events.kafka.ComplaintEventSerializer;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.events.kafka.InvalidEventException;
import com.complaintflow.events.kafka.UnknownEventTypeException;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every event serialises to JSON that its checked-in schema accepts, reads back equal,
 * and bad records are rejected with a message that names the problem.
 */
class EventContractTests {

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	static List<ComplaintEvent> samples() {
		return SampleEvents.all();
	}

	@Test
	void everyEventTypeHasASample() {
		Set<EventType> covered = samples().stream().map(EventType::of).collect(Collectors.toSet());
		assertThat(covered).containsExactlyInAnyOrder(EventType.values());
	}

	@ParameterizedTest
	@MethodSource("samples")
	void serialisesToJsonThatValidatesAgainstItsSchemaAndBack(ComplaintEvent event) {
		String json = EventJson.mapper().writeValueAsString(event);
		List<Error> errors = schema(EventType.of(event)).validate(json, InputFormat.JSON);
		assertThat(errors).as(json).isEmpty();
		assertThat(ComplaintEventDeserializer.read(null, json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("samples")
	void schemaDeclaresExactlyTheRecordsFields(ComplaintEvent event) throws Exception {
		EventType type = EventType.of(event);
		Set<String> recordFields = Arrays.stream(type.eventClass().getRecordComponents())
			.map((component) -> component.getName())
			.collect(Collectors.toCollection(TreeSet::new));
		recordFields.add("type");
		try (InputStream in = schemaStream(type)) {
			ObjectNode schema = (ObjectNode) EventJson.mapper().readTree(in);
			assertThat(new TreeSet<>(schema.get("properties").propertyNames())).isEqualTo(recordFields);
		}
	}

	@ParameterizedTest
	@MethodSource("samples")
	void kafkaSerdeCarriesCloudEventsHeadersWithLogicalTypeNames(ComplaintEvent event) {
		RecordHeaders headers = new RecordHeaders();
		byte[] bytes = new ComplaintEventSerializer().serialize(EventType.of(event).topic(), headers, event);
		String typeHeader = new String(headers.lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
		assertThat(typeHeader).isEqualTo(EventType.of(event).typeName()).doesNotContain(".");
		assertThat(new String(headers.lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8))
			.isEqualTo(event.eventId().toString());
		assertThat(new ComplaintEventDeserializer().deserialize("t", headers, bytes)).isEqualTo(event);
		// written again over the headers it came with (a dead-letter copy, a re-drive):
		// still one of each
		new ComplaintEventSerializer().serialize(EventType.of(event).topic(), headers, event);
		assertThat(headers.toArray()).extracting(Header::key).doesNotHaveDuplicates();
	}

	@Test
	void unknownEnumValueIsRejectedWithTheValueNamed() {
		String json = json(samples().get(1)).replace("\"NETWORK\"", "\"TELEPATHY\"");
		assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("TELEPATHY");
	}

	@Test
	void missingRequiredFieldIsRejectedWithTheFieldNamed() {
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(json(samples().get(3)));
		tree.remove("caseId");
		assertThatThrownBy(() -> read(tree.toString())).isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("caseId");
	}

	@Test
	void unknownFieldsAreIgnoredSoProducersCanAddFields() {
		ComplaintEvent event = samples().get(4);
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(json(event));
		tree.put("addedInALaterVersion", "x");
		assertThat(read(tree.toString())).isEqualTo(event);
	}

	@Test
	void unknownTypeAndFutureSchemaVersionAndGarbageAreRejected() {
		String json = json(samples().get(5));
		assertThatThrownBy(() -> read(json.replace("progress-updated", "progress-teleported")))
			.isInstanceOf(UnknownEventTypeException.class)
			.hasMessageContaining("unknown event type 'progress-teleported'");
		assertThatThrownBy(() -> read(json.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
			.hasMessageContaining("unsupported schemaVersion 2");
		assertThatThrownBy(() -> read("not json at all")).hasMessageContaining("not JSON");
	}

	@Test
	void withTheTypeHeaderTheSameInputIsRejectedForTheSameReason() {
		ComplaintEvent event = samples().get(5);
		String json = json(event);
		String type = EventType.of(event).typeName();
		ObjectNode missing = (ObjectNode) EventJson.mapper().readTree(json(samples().get(3)));
		missing.remove("caseId");
		String missingType = EventType.of(samples().get(3)).typeName();

		assertThat(read(type, json)).isEqualTo(event);
		assertThatThrownBy(() -> read(type, json.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("unsupported schemaVersion 2");
		assertThatThrownBy(() -> read(type, json.replace("\"schemaVersion\":1,", "")))
			.hasMessageContaining("unsupported schemaVersion 0");
		assertThatThrownBy(() -> read(type, "not json at all")).hasMessageContaining("not JSON");
		assertThatThrownBy(() -> read(type, "[1]")).hasMessageContaining("not a JSON object");
		assertThatThrownBy(() -> read(missingType, missing.toString())).isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("caseId");
	}

	@Test
	void instantWithoutAFourDigitYearIsRejectedAtReadingWithTheFieldNamed() {
		ComplaintEvent event = sample(EventType.COMPLAINT_RECEIVED);
		String type = EventType.of(event).typeName();
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(json(event));
		tree.put("problemOccurredAt", "+300000000-01-01T00:00:00Z");
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> read(tree.toString())).isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("problemOccurredAt")
			.hasMessageContaining("four-digit year");
		assertThatThrownBy(() -> new ComplaintEventDeserializer().deserialize("t", headers,
				tree.toString().getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("four-digit year");
		tree.put("problemOccurredAt", "9999-12-31T23:59:59Z");
		assertThat(read(type, tree.toString())).isInstanceOf(ComplaintReceived.class);
	}

	@Test
	void anAmountReadWithoutATypeHeaderKeepsItsDigitsSoTheEventWritesBackTheSame() {
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(json(sample(EventType.COMPLAINT_RECEIVED)));
		tree.put("disputedAmount", new BigDecimal("120.50"));
		String stored = tree.toString();

		ComplaintReceived read = (ComplaintReceived) read(stored);

		assertThat(read.disputedAmount()).isEqualTo(new BigDecimal("120.50"));
		assertThat(json(read)).contains("\"disputedAmount\":120.50");
	}

	@Test
	void caseClosedWithoutMilestoneActualsFromAnEarlierProducerReadsAsEmpty() {
		CaseClosed closed = (CaseClosed) sample(EventType.CASE_CLOSED);
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(json(closed));
		tree.remove("milestones");

		CaseClosed read = (CaseClosed) read(tree.toString());

		assertThat(read.milestones()).isEmpty();
		assertThat(read.outcome()).isEqualTo(closed.outcome());
		assertThat(schema(EventType.CASE_CLOSED).validate(tree.toString(), InputFormat.JSON)).isEmpty();
	}

	@Test
	void decisionCorrectedWithoutASuggestionFromAnEarlierProducerReadsAsNoneSuggested() {
		DecisionCorrected corrected = (DecisionCorrected) sample(EventType.DECISION_CORRECTED);
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(json(corrected));
		assertThat(tree.path("suggestedValue").asString()).isEqualTo("BILLING");
		tree.remove("suggestedValue");

		DecisionCorrected read = (DecisionCorrected) read(tree.toString());

		assertThat(read.suggestedValue()).isNull();
		assertThat(read.correctedValue()).isEqualTo(corrected.correctedValue());
		assertThat(schema(EventType.DECISION_CORRECTED).validate(tree.toString(), InputFormat.JSON)).isEmpty();
	}

	@Test
	void theSourcesThatDecideAFieldAreTheOnesTheSchemaNames() throws Exception {
		Set<String> named = new TreeSet<>();
		try (InputStream schema = schemaStream(EventType.DECISION_CORRECTED)) {
			EventJson.mapper()
				.readTree(schema)
				.at("/properties/decidedBy/enum")
				.forEach((value) -> named.add(value.asString()));
		}

		assertThat(named).containsExactlyInAnyOrder(DecidedBy.HARD_RULE, DecidedBy.MODEL, DecidedBy.RULES);
	}

	@Test
	void milestoneActualIsBreachedWhenMetLateOrBreachedBeforeBeingMet() {
		List<MilestoneActual> actuals = ((CaseClosed) sample(EventType.CASE_CLOSED)).milestones();
		MilestoneActual onTime = actuals.get(0);
		MilestoneActual late = new MilestoneActual(onTime.kind(), 1, onTime.dueAt(), 1, 0, onTime.dueAt().plusMillis(1),
				null);

		assertThat(onTime.breached()).isFalse();
		assertThat(late.breached()).isTrue();
		assertThat(actuals.get(1).breached()).isTrue();
		assertThat(json(sample(EventType.CASE_CLOSED))).doesNotContain("\"breached\"");
	}

	@Test
	void resumeWithANegativePauseIsRejected() {
		String json = json(sample(EventType.CASE_RESUMED)).replace("\"PT1H30M\"", "\"PT-1S\"");
		assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("pausedFor");
	}

	@Test
	void personalDataStaysOutOfToString() {
		String text = samples().get(0).toString();
		assertThat(text).doesNotContain("Zhang").doesNotContain("+8613800000000").contains("c-1");
	}

	private static ComplaintEvent sample(EventType type) {
		return samples().stream().filter((event) -> EventType.of(event) == type).findFirst().orElseThrow();
	}

	private static ComplaintEvent read(String json) {
		return read(null, json);
	}

	private static ComplaintEvent read(String typeHeader, String json) {
		return ComplaintEventDeserializer.read(typeHeader, json.getBytes(StandardCharsets.UTF_8));
	}

	private static String json(ComplaintEvent event) {
		return EventJson.mapper().writeValueAsString(event);
	}

	private static Schema schema(EventType type) {
		return SCHEMAS.getSchema(schemaStream(type));
	}

	private static InputStream schemaStream(EventType type) {
		return EventContractTests.class.getResourceAsStream("/schemas/" + type.typeName() + ".schema.json");
	}

}
