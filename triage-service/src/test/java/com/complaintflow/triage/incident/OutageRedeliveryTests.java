package com.complaintflow.triage.incident;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Customer;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.ValueTier;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.triage.config.TriageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outage detection of whole polls against the MongoDB wire server: a poll redelivered
 * (the offsets were not committed) counts none of its complaints twice, complaints that
 * join an open incident are members, not signals, so a region's signals stay few however
 * large the outage, and complaints decided out of time order (several partitions) are
 * found to be an outage all the same, and join an incident opened after them only within
 * its quiet period (not a complaint re-driven days later); instances that pass the
 * threshold at once open one incident.
 */
class OutageRedeliveryTests {

	private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

	private static final TriageSettings SETTINGS = new TriageSettings(null, Duration.ofSeconds(5), null,
			new TriageSettings.Outage(3, Duration.ofMinutes(10), Duration.ofMinutes(60)));

	private static MongoTemplate mongo;

	private static OutageDetector detector;

	@BeforeAll
	static void connect() {
		mongo = TestInfrastructure.freshDatabase("outages");
		detector = new OutageDetector(mongo, new RegionSignals(mongo, SETTINGS), new IncidentMembers(mongo), SETTINGS,
				new SimpleMeterRegistry());
	}

	@Test
	void aRedeliveredPollCountsNoComplaintTwice() {
		List<ComplaintReceived> first = complaints("GZ-TH", 0, 5);
		List<ComplaintReceived> redelivered = complaints("GZ-TH", 0, 6);

		IncidentDetected opened = poll(first).get(0);
		IncidentDetected again = poll(redelivered).get(0);
		IncidentDetected once = poll(redelivered).get(0);

		assertThat(opened.memberCount()).isEqualTo(5);
		assertThat(opened.revision()).isEqualTo(2);
		assertThat(opened.memberComplaintIds()).containsExactly("GZ-TH-0", "GZ-TH-1", "GZ-TH-2", "GZ-TH-3", "GZ-TH-4");
		assertThat(again.incidentId()).isEqualTo(opened.incidentId());
		assertThat(again.memberCount()).isEqualTo(6);
		assertThat(again.revision()).isEqualTo(3);
		assertThat(again.memberComplaintIds()).hasSize(6).endsWith("GZ-TH-5");
		assertThat(once.eventId()).isEqualTo(again.eventId());
		assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(opened.incidentId())), IncidentMember.class))
			.isEqualTo(6);
		assertThat(mongo.findById(opened.incidentId(), Incident.class).joining()).isEmpty();
	}

	@Test
	void complaintsThatJoinAnOpenIncidentAreNoSignals() {
		poll(complaints("SZ-NS", 0, 3));
		for (int i = 3; i < 60; i += 10) {
			poll(complaints("SZ-NS", i, i + 10));
		}

		assertThat(mongo.findById("SZ-NS", OutageRegion.class).signals()).extracting(OutageSignal::id)
			.containsExactlyInAnyOrder("SZ-NS-0", "SZ-NS-1", "SZ-NS-2");
		assertThat(detector.peek("SZ-NS", Category.NETWORK, List.of(), EventMetadata.now())).startsWith("INC-SZ-NS");
	}

	@Test
	void complaintsDecidedOutOfTimeOrderStillOpenTheIncident() {
		// several partitions: the latest complaint of the region can be decided first
		Instant now = EventMetadata.now();
		List<ComplaintReceived> newestFirst = IntStream.range(0, 5)
			.mapToObj((i) -> complaint("HK-RV", 4 - i, now.minusSeconds(i)))
			.toList();
		OutageBatch batch = detector.batch(List.of("HK-RV"), now.minusSeconds(4), now);

		List<String> incidents = newestFirst.stream()
			.map((complaint) -> String.valueOf(batch.record(complaint, Category.NETWORK)))
			.toList();
		List<IncidentDetected> announced = batch.write();

		assertThat(incidents.subList(0, 2)).containsOnly("null");
		assertThat(incidents.subList(2, 5)).allMatch((id) -> id.startsWith("INC-HK-RV")).containsOnly(incidents.get(2));
		assertThat(announced).singleElement().satisfies((incident) -> {
			assertThat(incident.memberCount()).isEqualTo(5);
			assertThat(incident.memberComplaintIds()).containsExactlyInAnyOrder("HK-RV-0", "HK-RV-1", "HK-RV-2",
					"HK-RV-3", "HK-RV-4");
		});
	}

	@Test
	void aComplaintReceivedLongBeforeAnIncidentOpenedDoesNotJoinIt() {
		String opened = poll(complaints("GS-LZ", 0, 5)).get(0).incidentId();
		Instant now = EventMetadata.now();
		// re-driven from the dead-letter topic: received three days before the outage
		ComplaintReceived daysBefore = complaint("GS-LZ", 5, now.minus(Duration.ofDays(3)));
		// another partition's, decided late: received half an hour before its first
		// member
		ComplaintReceived outOfOrder = complaint("GS-LZ", 6, now.minus(Duration.ofMinutes(30)));
		OutageBatch batch = detector.batch(List.of("GS-LZ"), daysBefore.occurredAt(), outOfOrder.occurredAt());

		assertThat(batch.record(daysBefore, Category.NETWORK)).isNull();
		assertThat(batch.record(outOfOrder, Category.NETWORK)).isEqualTo(opened);
		assertThat(batch.write()).singleElement().satisfies((incident) -> {
			assertThat(incident.memberCount()).isEqualTo(6);
			assertThat(incident.memberComplaintIds()).endsWith("GS-LZ-6").doesNotContain("GS-LZ-5");
		});
		assertThat(detector.peek("GS-LZ", Category.NETWORK, List.of(), daysBefore.occurredAt())).isNull();
		assertThat(detector.peek("GS-LZ", Category.NETWORK, List.of(), outOfOrder.occurredAt())).isEqualTo(opened);
	}

	@Test
	void twoInstancesOpeningTheSameIncidentFromDifferentWindowsCountEveryMemberOnce() {
		// both read the region's first signal, then each passes the threshold with two
		// complaints of its own partition: the same incident (keyed by that first
		// signal), opened by one and joined by the other with its whole window
		poll(complaints("CD-WH", 0, 1));
		OutageBatch a = detector.batch(List.of("CD-WH"), START.plusSeconds(1), START.plusSeconds(2));
		OutageBatch b = detector.batch(List.of("CD-WH"), START.plusSeconds(3), START.plusSeconds(4));

		String openedByA = recordAll(a, complaints("CD-WH", 1, 3)).get(1);
		String joinedByB = recordAll(b, complaints("CD-WH", 3, 5)).get(1);
		a.write();
		IncidentDetected last = b.write().get(0);

		assertThat(joinedByB).isEqualTo(openedByA).startsWith("INC-CD-WH");
		List<String> members = mongo.find(Query.query(Criteria.where("incidentId").is(openedByA)), IncidentMember.class)
			.stream()
			.map(IncidentMember::complaintId)
			.toList();
		assertThat(members).containsExactlyInAnyOrder("CD-WH-0", "CD-WH-1", "CD-WH-2", "CD-WH-3", "CD-WH-4");
		Incident incident = mongo.findById(openedByA, Incident.class);
		assertThat(incident.memberCount()).isEqualTo(5);
		assertThat(incident.joining()).isEmpty();
		assertThat(last.memberCount()).isEqualTo(5);
	}

	@Test
	void twoInstancesWhoseWindowsAreWithinTheQuietPeriodOfEachOtherOpenOneIncident() {
		// both read the region before either opened its incident: one passes the
		// threshold with complaints received 70 minutes after the other's, which passes
		// it on its earliest complaint (58 minutes before the first one's start)
		Instant now = EventMetadata.now();
		OutageBatch a = detector.batch(List.of("LS-CG"), now, now.plusSeconds(2));
		OutageBatch b = detector.batch(List.of("LS-CG"), now.minus(Duration.ofMinutes(70)),
				now.minus(Duration.ofMinutes(58)));
		String openedByA = recordAll(a,
				IntStream.range(0, 3).mapToObj((i) -> complaint("LS-CG", i, now.plusSeconds(i))).toList())
			.get(2);
		a.write();

		List<String> joinedByB = recordAll(b,
				List.of(complaint("LS-CG", 3, now.minus(Duration.ofMinutes(60))),
						complaint("LS-CG", 4, now.minus(Duration.ofMinutes(58))),
						complaint("LS-CG", 5, now.minus(Duration.ofMinutes(68)))));
		b.write();

		assertThat(joinedByB.get(2)).isEqualTo(openedByA).startsWith("INC-LS-CG");
		assertThat(mongo.count(Query.query(Criteria.where("regionCode").is("LS-CG")), Incident.class)).isEqualTo(1);
		assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(openedByA)), IncidentMember.class))
			.isEqualTo(6);
	}

	@Test
	void twoInstancesPassingTheThresholdAtOnceWithNoSignalInCommonOpenOneIncident() {
		// each holds three complaints of its own partitions, none stored yet: their
		// windows share no signal, so the incident's id cannot come from a signal
		OutageBatch a = detector.batch(List.of("XA-BT"), START, START.plusSeconds(2));
		OutageBatch b = detector.batch(List.of("XA-BT"), START.plusSeconds(3), START.plusSeconds(5));

		String openedByA = recordAll(a, complaints("XA-BT", 0, 3)).get(2);
		String joinedByB = recordAll(b, complaints("XA-BT", 3, 6)).get(2);
		a.write();
		IncidentDetected last = b.write().get(0);

		assertThat(joinedByB).isEqualTo(openedByA).startsWith("INC-XA-BT");
		assertThat(mongo.count(Query.query(Criteria.where("regionCode").is("XA-BT")), Incident.class)).isEqualTo(1);
		assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(openedByA)), IncidentMember.class))
			.isEqualTo(6);
		assertThat(last.memberCount()).isEqualTo(6);
	}

	@Test
	void theRegionsNextOutageIsANewIncidentEvenWhenACrashLeftTheLastOneUncounted() {
		String first = poll(complaints("YN-KM", 0, 3)).get(0).incidentId();
		// the opener crashed after the insert, before counting the incident in the region
		mongo.updateFirst(Query.query(Criteria.where("_id").is("YN-KM")),
				new org.springframework.data.mongodb.core.query.Update().unset("incidentsOpened"), OutageRegion.class);
		// two hours later, long after the first one's quiet period
		Instant twoHoursLater = EventMetadata.now().plus(Duration.ofHours(2));
		List<ComplaintReceived> later = IntStream.range(3, 6)
			.mapToObj((i) -> complaint("YN-KM", i, twoHoursLater.plusMillis(i)))
			.toList();

		IncidentDetected second = poll(later).get(0);

		assertThat(second.incidentId()).startsWith("INC-YN-KM").isNotEqualTo(first);
		assertThat(second.memberComplaintIds()).containsExactly("YN-KM-3", "YN-KM-4", "YN-KM-5");
		assertThat(mongo.findById(first, Incident.class).memberCount()).isEqualTo(3);
		assertThat(mongo.findById("YN-KM", OutageRegion.class).incidentsOpened()).isEqualTo(2);
	}

	@Test
	void theBusiestWindowHoldingTheComplaintCountsSignalsOnBothSidesOfIt() {
		Duration window = Duration.ofMinutes(10);
		List<OutageSignal> signals = IntStream.of(0, 4, 9, 12, 30)
			.mapToObj((minute) -> new OutageSignal("S" + minute, "C" + minute, Category.NETWORK,
					START.plus(Duration.ofMinutes(minute))))
			.toList();

		assertThat(OutageDetector.busiestWindow(signals, START.plus(Duration.ofMinutes(4)), window))
			.extracting(OutageSignal::id)
			.containsExactly("S0", "S4", "S9");
		assertThat(OutageDetector.busiestWindow(signals, START.plus(Duration.ofMinutes(12)), window))
			.extracting(OutageSignal::id)
			.containsExactly("S4", "S9", "S12");
		assertThat(OutageDetector.busiestWindow(signals, START.plus(Duration.ofMinutes(30)), window))
			.extracting(OutageSignal::id)
			.containsExactly("S30");
	}

	private static List<IncidentDetected> poll(List<ComplaintReceived> complaints) {
		OutageBatch batch = detector.batch(List.of(complaints.get(0).location().regionCode()),
				complaints.get(0).occurredAt(), complaints.get(complaints.size() - 1).occurredAt());
		complaints.forEach((complaint) -> batch.record(complaint, Category.NETWORK));
		return batch.write();
	}

	/** The incident each complaint belongs to, as one instance's poll records them. */
	private static List<String> recordAll(OutageBatch batch, List<ComplaintReceived> complaints) {
		return complaints.stream().map((complaint) -> batch.record(complaint, Category.NETWORK)).toList();
	}

	private static List<ComplaintReceived> complaints(String region, int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> complaint(region, i, EventMetadata.now())).toList();
	}

	/** The i-th complaint of a region, received at the given time. */
	private static ComplaintReceived complaint(String region, int i, Instant receivedAt) {
		String customerId = region + "-C" + i;
		return new ComplaintReceived(EventMetadata.newEventId(), "intake", receivedAt, region + "-" + i, customerId,
				ComplaintEvent.CURRENT_SCHEMA_VERSION, Channel.HOTLINE,
				new Customer(customerId, null, null, ValueTier.SILVER), START.plusSeconds(i),
				new Location(region, null), "No signal at all", null, null, null, (BigDecimal) null, EmotionCues.NONE,
				Language.EN);
	}

}
