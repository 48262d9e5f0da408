package com.complaintflow.intake.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.complaintflow.events.Channel;

import org.springframework.stereotype.Component;

/**
 * Resolves a presented API key to its channel by comparing SHA-256 hashes, so the keys
 * themselves never sit in configuration or memory.
 */
@Component
class ChannelKeys {

	private static final int MAX_KEY_LENGTH = 256;

	private final Map<String, Channel> channelByHash = new HashMap<>();

	ChannelKeys(ChannelKeySettings settings) {
		settings.channels().forEach((key) -> {
			if (this.channelByHash.putIfAbsent(key.sha256(), key.channel()) != null) {
				throw new IllegalStateException("API key '" + key.name() + "' is configured twice");
			}
		});
	}

	Optional<Channel> channelFor(String presentedKey) {
		if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > MAX_KEY_LENGTH) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.channelByHash.get(sha256(presentedKey)));
	}

	static String sha256(String key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
