package com.complaintflow.events;

/**
 * Emotion cues a hotline agent can tick while listening.
 */
public record EmotionCues(boolean repeatedContact, boolean raisedVoice, boolean threatensToLeave,
		boolean threatensRegulatorOrMedia) {

	/** No cue ticked. */
	public static final EmotionCues NONE = new EmotionCues(false, false, false, false);

}
