# The nightly job as a container: Spring Boot's layered jar on a JRE 17, run as a non-root user with a
# UTF-8 locale. Build the jar first, then the image:
#   ./mvnw -B package -DskipTests && docker build -t sogong-outcomes:0.1.0 .
# Run: docker run --rm -v $PWD/input:/app/input:ro -v $PWD/output:/app/output \
#        -e OUTCOMES_DB_URL=... -e OUTCOMES_DB_USER=... -e OUTCOMES_DB_PASSWORD=... sogong-outcomes:0.1.0 nightly
FROM eclipse-temurin:17-jre AS layers
WORKDIR /build
COPY target/sogong-outcomes.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
# Korean file names need a UTF-8 locale (the application refuses to start without one, exit 2)
ENV LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=Asia/Seoul \
    OUTCOMES_LOG_FILE=/app/logs/outcomes.log
RUN groupadd --system --gid 10001 outcomes \
 && useradd --system --uid 10001 --gid outcomes --home-dir /app --shell /usr/sbin/nologin outcomes
WORKDIR /app
# least-changing layers first, so a new build of the application ships one small layer
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
RUN mkdir -p input output logs data && chown outcomes:outcomes output logs data
USER 10001:10001
# exec form: java is PID 1 and gets SIGTERM itself (stops at a chunk boundary, exit 5)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
CMD ["nightly"]
