package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slot (an hour under a complaint's full dimensions) spreads over exactly its six
 * buckets, and a pending key kept per bucket by an older build is passed on as it is.
 */
class SlotTests {

	private static final Dims DIMS = new Dims("HOTLINE", "NETWORK", "BJ-CY", "VENTING", "NETWORK_FAULT");

	@Test
	void aSlotSpreadsOverItsHourDayAndMonthInBothViews() {
		Map<String, Counters> buckets = new TreeMap<>();

		Slot.spread(new Slot(Instant.parse("2031-01-01T05:00:00Z"), DIMS).text(), new Counters().add("received", 1),
				buckets);
		Slot.spread(new Slot(Instant.parse("2031-01-01T07:00:00Z"), DIMS).text(), new Counters().add("received", 2),
				buckets);

		String main = "MAIN|HOTLINE|NETWORK|*|VENTING|NETWORK_FAULT";
		String region = "REGION|*|NETWORK|BJ-CY|*|*";
		assertThat(buckets).containsOnlyKeys("H|2031-01-01T05:00:00Z|" + main, "H|2031-01-01T05:00:00Z|" + region,
				"H|2031-01-01T07:00:00Z|" + main, "H|2031-01-01T07:00:00Z|" + region, "D|2031-01-01T00:00:00Z|" + main,
				"D|2031-01-01T00:00:00Z|" + region, "M|2031-01-01T00:00:00Z|" + main,
				"M|2031-01-01T00:00:00Z|" + region);
		assertThat(buckets.get("H|2031-01-01T07:00:00Z|" + main).get("received")).isEqualTo(2);
		assertThat(buckets.get("D|2031-01-01T00:00:00Z|" + region).get("received")).isEqualTo(3);
		assertThat(buckets.get("M|2031-01-01T00:00:00Z|" + main).get("received")).isEqualTo(3);
	}

	@Test
	void dimensionsThatNeedEncodingSurviveTheSlotText() {
		Dims odd = new Dims("HOTLINE", "a|b.c", "Zürich 1", Dims.UNKNOWN, "%x");
		Map<String, Counters> buckets = new TreeMap<>();

		Slot.spread(new Slot(Instant.parse("2031-02-03T04:00:00Z"), odd).text(), new Counters().add("received", 1),
				buckets);

		assertThat(buckets.keySet()).extracting((key) -> BucketKey.parse(key).dims())
			.contains(odd.mainView(), odd.regionView());
	}

	@Test
	void aBucketKeyKeptByAnOlderBuildIsPassedOnAsItIs() {
		String bucket = "D|2031-01-01T00:00:00Z|REGION|*|NETWORK|BJ-CY|*|*";
		Map<String, Counters> buckets = new TreeMap<>();

		Slot.spread(bucket, new Counters().add("received", 4), buckets);

		assertThat(buckets).containsOnlyKeys(bucket);
		assertThat(buckets.get(bucket).get("received")).isEqualTo(4);
	}

}
