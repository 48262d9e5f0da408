package com.complaintflow.support.web;

import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;

import com.complaintflow.events.time.InstantRange;

import org.springframework.format.Formatter;
import org.springframework.format.datetime.standard.InstantFormatter;

/**
 * Request parameters bound to {@link Instant}: parsed as Spring does, then held to the
 * {@link InstantRange}, so an absurd year is a type mismatch (400), never a 500 later.
 */
class InstantRangeFormatter implements Formatter<Instant> {

	private final InstantFormatter spring = new InstantFormatter();

	@Override
	public Instant parse(String text, Locale locale) throws ParseException {
		return InstantRange.check(this.spring.parse(text, locale));
	}

	@Override
	public String print(Instant instant, Locale locale) {
		return this.spring.print(instant, locale);
	}

}
