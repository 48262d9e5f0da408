package com.complaintflow.intake.channel;

import java.util.List;

import com.complaintflow.events.Channel;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated channel: the principal is the {@link Channel} its API key belongs to.
 */
final class ChannelAuthentication extends AbstractAuthenticationToken {

	static final String ROLE = "CHANNEL";

	private final Channel channel;

	ChannelAuthentication(Channel channel) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
		this.channel = channel;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Channel getPrincipal() {
		return this.channel;
	}

}
