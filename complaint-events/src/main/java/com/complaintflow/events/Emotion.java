package com.complaintflow.events;

/**
 * The dominant emotion read from the complaint.
 */
public enum Emotion {

	ANGER, ANXIETY, DISAPPOINTMENT, NEUTRAL

}
