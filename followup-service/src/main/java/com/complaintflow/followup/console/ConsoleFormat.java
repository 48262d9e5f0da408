package com.complaintflow.followup.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the console's templates write instants: in the operator's zone (the business
 * calendar's by default), to the minute.
 */
@Component("consoleFormat")
class ConsoleFormat {

	private final DateTimeFormatter minutes;

	ConsoleFormat(@Value("${complaintflow.followup.console.zone:Asia/Shanghai}") ZoneId zone) {
		this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
	}

	/** The instant to the minute, or empty for none. */
	public String time(Instant instant) {
		return (instant != null) ? this.minutes.format(instant) : "";
	}

}
