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
 * Renders an overlay with {@code kubectl kustomize} (kustomize v5). There is deliberately no fallback and no
 * skip: a build without kubectl fails, so CI can never pass on manifests it did not render. kubectl is taken
 * from {@code $KUBECTL}, else from PATH ({@code k8s/tools/install-kubectl.sh} provides one).
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

    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Optional<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p, "kubectl")).filter(Files::isExecutable).findFirst();
        return onPath.map(Path::toString).orElseThrow(() -> new AssertionError(
                "kubectl not found (set KUBECTL or put it on PATH; k8s/tools/install-kubectl.sh installs one): "
                        + "the manifests cannot be rendered, so they are not validated"));
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
