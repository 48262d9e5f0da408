package com.complaintflow.browser;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/**
 * axe-core (Deque's engine, injected into the page) over what a page shows now: a test
 * fails on any critical or serious violation, with the rule, its help and the elements.
 */
public final class Accessibility {

	private static final Set<String> FAILING = Set.of("critical", "serious");

	private Accessibility() {
	}

	/**
	 * Runs every axe rule on the page as it is.
	 * @param page the page, loaded and settled
	 * @return the full results (moderate and minor findings, passes) for further checks
	 * @throws AssertionError listing every critical or serious violation
	 */
	public static AxeResults assertNoSeriousViolations(Page page) {
		AxeResults results = new AxeBuilder(page).analyze();
		List<Rule> failing = seriousViolations(results);
		System.out.println(summary(results));
		if (!failing.isEmpty()) {
			throw new AssertionError(
					"axe-core found " + failing.size() + " critical or serious violation(s) on " + page.url() + ":\n"
							+ failing.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
		}
		return results;
	}

	/**
	 * The critical and serious violations of an axe run.
	 * @param results the results
	 * @return the failing rules
	 */
	public static List<Rule> seriousViolations(AxeResults results) {
		return results.getViolations().stream().filter((rule) -> FAILING.contains(rule.getImpact())).toList();
	}

	/**
	 * One line on an axe run, for the test output: the violated rules by impact and the
	 * number of rules passed.
	 * @param results the results
	 * @return the summary
	 */
	public static String summary(AxeResults results) {
		Map<String, List<String>> byImpact = results.getViolations()
			.stream()
			.collect(Collectors.groupingBy(Rule::getImpact, TreeMap::new,
					Collectors.mapping(Rule::getId, Collectors.toList())));
		return "axe-core " + results.getTestEngine().getVersion() + " on " + results.getUrl() + ": "
				+ results.getViolations().size() + " violations " + byImpact + ", " + results.getPasses().size()
				+ " rules passed";
	}

	private static String describe(Rule rule) {
		String nodes = rule.getNodes().stream().limit(5).map(Accessibility::describe).collect(Collectors.joining("\n"));
		return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " [" + rule.getHelpUrl() + "]\n"
				+ nodes;
	}

	private static String describe(CheckedNode node) {
		return "    " + node.getTarget() + ": " + String.valueOf(node.getFailureSummary()).replace('\n', ' ');
	}

}
