package com.complaintflow.intake.channel;

import com.complaintflow.events.Channel;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The channel of the current request, taken from its API key and never from the body.
 */
public final class CallingChannel {

	/** Request attribute holding the authenticated channel, for metrics. */
	public static final String ATTRIBUTE = CallingChannel.class.getName();

	private CallingChannel() {
	}

	/**
	 * The calling channel.
	 * @return the channel
	 * @throws IllegalStateException when the request was not authenticated by an API key
	 */
	public static Channel current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ChannelAuthentication channel) {
			return channel.getPrincipal();
		}
		throw new IllegalStateException("Not authenticated by a channel API key");
	}

}
