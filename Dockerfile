# Commerce Sync as a container image (for docker-compose.yml). Build: docker build -t commerce-sync .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /build/target/lib/ /app/lib/
COPY --from=build /build/target/commerce-sync-*.jar /app/lib/
COPY application.properties /app/
COPY routes /app/routes
EXPOSE 8080 9876 8444
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/lib/*", "io.commercesync.CommerceSyncApplication"]
