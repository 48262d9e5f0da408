package com.complaintflow.triage.text;

/**
 * The complaint itself in a text that a regulator's complaint system forwards with its
 * thread: everything before the first follow-up message. In the FCC's format a line of
 * spaced dashes starts each follow-up ("Follow-up message by FCC on ...: This constitutes
 * a notice of informal complaint ...", or the consumer's later replies), with at most one
 * line (a redaction) between them. The notice is the regulator's words, not the
 * customer's; read as the complaint, it changed playbooks, personas and churn risks.
 */
public final class FollowUpMessages {

	private static final String DASHES = "- - - - -";

	private static final String FOLLOW_UP = "Follow-up message";

	/** Lines after the dashes in which the follow-up's heading may stand. */
	private static final int HEADING_WITHIN_LINES = 2;

	private FollowUpMessages() {
	}

	/**
	 * The text before its first follow-up message; the whole text when it has none, or
	 * when nothing comes before it. Linear in the text's length.
	 */
	public static String complaintOf(String text) {
		int from = 0;
		while (true) {
			int at = text.indexOf(DASHES, from);
			if (at < 0) {
				return text;
			}
			int end = at;
			while (end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == ' ')) {
				end++;
			}
			if (at > 0 && startsFollowUp(text, end)) {
				return text.substring(0, at);
			}
			from = end;
		}
	}

	/** Whether the dashes end their line and a follow-up heading stands just below. */
	private static boolean startsFollowUp(String text, int afterDashes) {
		int i = skipBlanks(text, afterDashes);
		if (i >= text.length() || text.charAt(i) != '\n') {
			return false;
		}
		int lineStart = i + 1;
		for (int line = 0; line < HEADING_WITHIN_LINES; line++) {
			int start = skipBlanks(text, lineStart);
			if (text.startsWith(FOLLOW_UP, start)) {
				return true;
			}
			int next = text.indexOf('\n', start);
			if (next < 0) {
				return false;
			}
			lineStart = next + 1;
		}
		return false;
	}

	/** The first position from {@code from} that is not a blank within the line. */
	private static int skipBlanks(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

}
