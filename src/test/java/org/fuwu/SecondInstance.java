package org.fuwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, on the test's PostgreSQL database, for the reliability tests that
 * kill an instance with SIGKILL: the main classes and the dependencies of this test run (not the test
 * classes, which hold test configuration). Its output goes to {@code target/test-logs/<name>.log}.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SecondInstance(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the application with these extra arguments ({@code --key=value}); {@link #awaitReady()} waits for it. */
    public static SecondInstance start(String name, String... arguments) throws IOException {
        int port = freePort();
        String classpath = Arrays.stream(testClasspath().split(File.pathSeparator))
                .filter(e -> !e.isBlank() && !Path.of(e).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath, FuwuApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + System.getenv("FUWU_TEST_DATABASE_URL"),
                "--fuwu.data-dir=target/test-data",
                "--fuwu.crypto.generate-demo-key=true",
                "--spring.flyway.enabled=false"));
        for (String[] env : new String[][] {{"FUWU_TEST_DATABASE_USER", "username"}, {"FUWU_TEST_DATABASE_PASSWORD", "password"}}) {
            String value = System.getenv(env[0]);
            if (value != null && !value.isEmpty()) {
                command.add("--spring.datasource." + env[1] + "=" + value);
            }
        }
        command.addAll(List.of(arguments));
        Path log = Path.of(System.getProperty("fuwu.test.log-dir", "target/test-logs"), name + ".log");
        Files.createDirectories(log.getParent());
        return new SecondInstance(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                port);
    }

    /** Its base URL, {@code http://127.0.0.1:port}. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until it answers ready, at most 90 s; fails when it died meanwhile. */
    public void awaitReady() throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            assertThat(process.isAlive()).as("the second instance is running (see target/test-logs)").isTrue();
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second instance did not become ready in 90 s");
    }

    /** SIGKILL (no shutdown hook, no graceful shutdown), and checks that it died of it. */
    public void killNine() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("the exit status of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * The class path of this test run. Surefire may start the fork from a manifest-only jar, whose
     * manifest then names the real class path; it also publishes that path as a system property.
     */
    private static String testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
