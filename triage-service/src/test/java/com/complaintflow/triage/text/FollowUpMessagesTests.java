package com.complaintflow.triage.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link FollowUpMessages}: what of a forwarded thread is the complaint. */
class FollowUpMessagesTests {

	private static final String COMPLAINT = "Overcharged on my bill. I was charged $45 for a modem I returned.\n Thank you,";

	private static final String DASHES = "\n - - - - - - - - - - - - - - - - - - - - -\n";

	private static final String NOTICE = " Follow-up message by FCC on 5/4/2015 10:15:00 AM:\n"
			+ " This constitutes a notice of informal complaint filed with the FCC against your company.";

	@Test
	void theRegulatorsNoticeAndEveryLaterMessageAreLeftOut() {
		String thread = COMPLAINT + DASHES + NOTICE + DASHES
				+ " Follow-up message on 6/1/2015 9:00:00 AM:\n They called me and refunded it.";

		assertThat(FollowUpMessages.complaintOf(thread)).isEqualTo(COMPLAINT + "\n ");
	}

	@Test
	void aRedactionLineMayStandBetweenTheDashesAndTheHeading() {
		String thread = COMPLAINT + DASHES + " (b) (6)\n" + NOTICE;

		assertThat(FollowUpMessages.complaintOf(thread)).isEqualTo(COMPLAINT + "\n ");
	}

	@Test
	void theCustomersOwnDashesStay() {
		String dashedList = COMPLAINT + DASHES + "Account 1234, modem returned 3/2" + DASHES + "\n\nFollow-up message";
		String dashesMidLine = COMPLAINT + " - - - - - Follow-up message by FCC";
		String headingTooFarBelow = COMPLAINT + DASHES + "one\ntwo\n" + NOTICE;

		assertThat(FollowUpMessages.complaintOf(dashedList)).isEqualTo(dashedList);
		assertThat(FollowUpMessages.complaintOf(dashesMidLine)).isEqualTo(dashesMidLine);
		assertThat(FollowUpMessages.complaintOf(headingTooFarBelow)).isEqualTo(headingTooFarBelow);
	}

	@Test
	void aTextThatIsOnlyTheThreadOrHasNoneIsReadWhole() {
		String onlyThread = DASHES.substring(2) + NOTICE;

		assertThat(FollowUpMessages.complaintOf(onlyThread)).isEqualTo(onlyThread);
		assertThat(FollowUpMessages.complaintOf(COMPLAINT)).isEqualTo(COMPLAINT);
		assertThat(FollowUpMessages.complaintOf("")).isEmpty();
	}

	@Test
	void manyDashesWithoutAHeadingAreReadInOnePass() {
		// Each run of dashes is looked at once, with the two lines below it. Were
		// the search to go on one character after a run's start, not after its end,
		// the last run (200,000 characters) would be scanned once per character:
		// about 10^10 steps. The limit only tells the two apart; no speed target.
		String text = "x" + "- - - - -\n\n\n".repeat(2000) + "- ".repeat(100_000);
		long started = System.nanoTime();

		String complaint = FollowUpMessages.complaintOf(text);

		long millis = java.time.Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(complaint).isEqualTo(text);
		assertThat(millis).as("took %d ms", millis).isLessThan(5000);
	}

}
