package com.complaintflow.triage.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled rules over the real complaints in ../shared/data (skipped when the data is
 * absent): every complaint gets a decision, and the fallback rates stay at or below the
 * level reached (docs/triage.md reports the distribution).
 */
class RealComplaintsTests {

	@ParameterizedTest
	@CsvSource({ "COMCAST, 0.18, 0.33, 0.05", "WEIBO, 0.42, 0.32, 0.15" })
	void everyRealComplaintIsDecidedAndFallbacksStayBounded(RealComplaints.DataSet set, double maxStandardCare,
			double maxUnknownCause, double maxCategoryFallback) throws IOException {
		Path dir = RealComplaints.dataDir().orElse(null);
		Assumptions.assumeTrue(dir != null, "../shared/data is absent");
		List<String> texts = RealComplaints.texts(dir, set);

		RealComplaints.Report report = RealComplaints.run(RulesLoader.bundled(), set, texts, "STANDARD_CARE");

		assertThat(report.total).isEqualTo(texts.size()).isGreaterThan(1000);
		assertThat(report.rate(report.standardCare)).as(report.summary()).isLessThanOrEqualTo(maxStandardCare);
		assertThat(report.rate(report.unknownCause)).as(report.summary()).isLessThanOrEqualTo(maxUnknownCause);
		assertThat(report.rate(report.categoryFallback)).as(report.summary()).isLessThanOrEqualTo(maxCategoryFallback);
	}

}
