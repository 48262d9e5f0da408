# One image per service: docker compose builds it with SERVICE=intake-service, triage-service, ...
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY complaint-events complaint-events
COPY service-support service-support
COPY intake-service intake-service
COPY triage-service triage-service
COPY followup-service followup-service
COPY analytics-service analytics-service
COPY local-stack local-stack
RUN mvn -B -q -DskipTests -Dspring-javaformat.skip=true -pl intake-service,triage-service,followup-service,analytics-service -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 complaintflow
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER complaintflow
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
