package com.complaintflow.intake.channel;

import java.util.List;

import com.complaintflow.events.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The API keys of the channels, stored as SHA-256 hashes; several keys per channel allow
 * rotation without downtime.
 *
 * @param channels one entry per key; the service refuses to start without any
 */
@Validated
@ConfigurationProperties("complaintflow.intake")
record ChannelKeySettings(@NotEmpty(message = "no channel API keys configured (complaintflow.intake.channels); "
		+ "development keys exist only in the 'local' profile") List<@Valid ChannelKey> channels) {

	ChannelKeySettings {
		channels = (channels != null) ? List.copyOf(channels) : List.of();
	}

	/**
	 * One API key of a channel.
	 *
	 * @param channel the channel the key belongs to
	 * @param name a label for operators (which key, for rotation), never the key itself
	 * @param sha256 the lower-case hex SHA-256 of the key
	 */
	record ChannelKey(@NotNull Channel channel, @NotBlank String name,
			@NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256) {

	}

}
