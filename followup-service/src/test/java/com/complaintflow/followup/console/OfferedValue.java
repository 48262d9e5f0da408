package com.complaintflow.followup.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The value a console page's "Correct to" select offers first, read from the page. */
final class OfferedValue {

	private OfferedValue() {
	}

	/** The selected option of the select with the id given, or "" if none is selected. */
	static String of(String page, String selectId) {
		Matcher select = Pattern.compile("<select id=\"" + selectId + "\".*?</select>", Pattern.DOTALL).matcher(page);
		assertThat(select.find()).as(selectId).isTrue();
		Matcher option = Pattern.compile("<option value=\"([A-Z_]+)\" selected=\"selected\"").matcher(select.group());
		return option.find() ? option.group(1) : "";
	}

}
