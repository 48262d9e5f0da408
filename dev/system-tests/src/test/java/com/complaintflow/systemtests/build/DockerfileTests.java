package com.complaintflow.systemtests.build;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image build and the Maven reactor agree, checked without a Docker engine: the
 * Dockerfile copies the whole context (no hand-kept list of module folders to drift), the
 * context keeps every module, the reactor builds exactly the services, and compose builds
 * only services that exist.
 */
class DockerfileTests {

	private static final Pattern COPY_INTO_BUILD = Pattern.compile("(?m)^COPY\\s+(?!--from)(.+)$");

	private static final Pattern REACTOR_SELECTION = Pattern.compile("(?m)^RUN mvn .*-pl\\s+(\\S+)\\s.*-am\\b");

	private static final Pattern COMPOSE_SERVICE_ARG = Pattern.compile("(?m)^\\s+SERVICE:\\s*(\\S+)\\s*$");

	private final BuildFiles files = BuildFiles.ofRepository();

	@Test
	void theBuildStageCopiesTheWholeContextAndNoModuleByName() {
		assertThat(BuildFiles.matches(COPY_INTO_BUILD, this.files.dockerfile())).containsExactly(". .");
	}

	@Test
	void theImageBuildsExactlyTheServicesOfTheReactorThroughTheReactor() {
		Set<String> selected = BuildFiles.matches(REACTOR_SELECTION, this.files.dockerfile());
		assertThat(selected).as("one 'RUN mvn ... -pl <modules> -am' line").hasSize(1);
		Set<String> built = new LinkedHashSet<>(Arrays.asList(selected.iterator().next().split(",")));
		assertThat(this.files.modules()).containsAll(built);
		assertThat(built).containsExactlyInAnyOrderElementsOf(this.files.serviceModules());
		assertThat(built).noneMatch((module) -> module.startsWith("dev/"));
	}

	@Test
	void theBuildContextKeepsEveryModuleAndTheRootPom() {
		List<PathMatcher> ignored = this.files.dockerignore()
			.stream()
			.map((pattern) -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
			.toList();
		List<String> needed = new java.util.ArrayList<>(
				this.files.modules().stream().map((m) -> m + "/pom.xml").toList());
		needed.add("pom.xml");
		for (String file : needed) {
			Path path = Path.of(file);
			for (int depth = 1; depth <= path.getNameCount(); depth++) {
				Path prefix = path.subpath(0, depth);
				assertThat(ignored).as(".dockerignore must not exclude " + prefix).noneMatch((m) -> m.matches(prefix));
			}
		}
	}

	@Test
	void composeBuildsOnlyServicesTheImageCanHold() {
		Set<String> composed = BuildFiles.matches(COMPOSE_SERVICE_ARG, this.files.compose());
		assertThat(composed).isNotEmpty();
		assertThat(this.files.serviceModules()).containsAll(composed);
	}

}
