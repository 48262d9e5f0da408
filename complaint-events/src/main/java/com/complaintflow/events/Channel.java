package com.complaintflow.events;

/**
 * The channel a complaint arrived through; bound to the caller's API key, never taken
 * from the body.
 */
public enum Channel {

	HOTLINE, STORE, APP

}
