package org.goldenthread.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** What the repository says about a service's configuration: its YAML file and the Java that reads keys. */
final class ServiceSources {

    static final Path REPOSITORY = Kustomize.K8S.getParent();
    private static final Pattern PROPERTIES_PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)");

    private ServiceSources() {
    }

    /** Every key the service's own {@code <module>.yml} declares, flattened to dotted names. */
    static Set<String> yamlKeys(String module) {
        Path file = REPOSITORY.resolve(module).resolve("src/main/resources").resolve(module + ".yml");
        Set<String> keys = new LinkedHashSet<>();
        try (var in = Files.newInputStream(file)) {
            for (Object document : new Yaml().loadAll(in)) {
                flatten("", document, keys);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void flatten(String prefix, Object value, Set<String> keys) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, keys));
        } else if (!prefix.isEmpty()) {
            keys.add(prefix);
        }
    }

    /**
     * Whether the service reads {@code key}: its YAML declares it, or its Java or the shared module's names it
     * (as {@code "key"}, {@code ${key}}), or a {@code @ConfigurationProperties} record there binds it.
     */
    static boolean reads(String module, String key) {
        if (yamlKeys(module).contains(key)) {
            return true;
        }
        String prefix = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
        String component = camelCase(key.substring(key.lastIndexOf('.') + 1));
        return javaSources(module).anyMatch(source -> source.contains("\"" + key + "\"")
                || source.contains("${" + key + "}") || source.contains("${" + key + ":")
                || bindsRecordComponent(source, prefix, component));
    }

    private static boolean bindsRecordComponent(String source, String prefix, String component) {
        Matcher m = PROPERTIES_PREFIX.matcher(source);
        if (!m.find()) {
            return false;
        }
        if (m.group(1).equals(prefix)) {
            return Pattern.compile("record\\s+\\w+\\s*\\([^)]*\\b" + Pattern.quote(component) + "\\b").matcher(source).find();
        }
        // A nested record: goldenthread.gateway.tls.certificate is GatewayProperties' Tls(certificate, …).
        int dot = prefix.lastIndexOf('.');
        if (dot < 0 || !m.group(1).equals(prefix.substring(0, dot))) {
            return false;
        }
        String nested = camelCase(prefix.substring(dot + 1));
        // The nested record's type as the outer record declares it (gatewayBff is an Interactive), else by name.
        Matcher declared = Pattern.compile("record\\s+\\w+\\s*\\([^)]*?\\b(\\w+)\\s+" + Pattern.quote(nested) + "\\b")
                .matcher(source);
        String type = declared.find() ? declared.group(1) : Character.toUpperCase(nested.charAt(0)) + nested.substring(1);
        return Pattern.compile("record\\s+" + Pattern.quote(type) + "\\s*\\([^)]*\\b" + Pattern.quote(component) + "\\b")
                .matcher(source).find();
    }

    private static Stream<String> javaSources(String module) {
        return Stream.of(module, "proto").map(m -> REPOSITORY.resolve(m).resolve("src/main/java")).flatMap(ServiceSources::walk);
    }

    private static Stream<String> walk(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(ServiceSources::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The keys the launcher passes as {@code --key=value} to the services it starts. */
    static Set<String> launcherKeys() {
        String source = read(REPOSITORY.resolve("launcher/src/main/java/org/goldenthread/launcher/LocalFederation.java"));
        Matcher m = Pattern.compile("\"--([a-z][a-z0-9.-]*)=").matcher(source);
        Set<String> keys = new LinkedHashSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
