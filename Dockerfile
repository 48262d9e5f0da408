# One image per service: docker compose builds it with SERVICE=intake-service, triage-service, ...
# The whole source tree is the build context (.dockerignore keeps out build output, data and the
# repository), and Maven's reactor chooses what to build: the four services and what they need, never a
# hand-kept list of module folders. dev/system-tests' DockerfileTests checks this file against the reactor.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dspring-javaformat.skip=true -pl intake-service,triage-service,followup-service,analytics-service -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 complaintflow
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER complaintflow
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
