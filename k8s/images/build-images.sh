#!/usr/bin/env bash
# Builds the five service images with Jib: no Docker daemon, no Dockerfile, reproducible (fixed file times,
# layers in a stable order, so the same commit gives the same image digest).
#   k8s/images/build-images.sh tar                 -> <module>/target/jib-image.tar per service (offline after the base is cached)
#   k8s/images/build-images.sh push REGISTRY TAG   -> pushes REGISTRY/golden-thread/<module>:TAG
# The base is distroless Java 17 (no shell, no package manager), user 65532 (nonroot). Pin the base by digest
# in production: BASE_IMAGE=gcr.io/distroless/java17-debian12:nonroot@sha256:...
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE="${1:-tar}"
REGISTRY="${2:-registry.goldenthread.example}"
TAG="${3:-0.1.0-SNAPSHOT}"
BASE_IMAGE="${BASE_IMAGE:-gcr.io/distroless/java17-debian12:nonroot}"
JIB="com.google.cloud.tools:jib-maven-plugin:3.5.2"
goal=buildTar; [ "$MODE" = push ] && goal=build

declare -A MAIN=(
  [identity-service]=org.goldenthread.identity.IdentityServiceApplication
  [consent-service]=org.goldenthread.consent.ConsentServiceApplication
  [outcomes-service]=org.goldenthread.outcomes.OutcomesServiceApplication
  [case-service]=org.goldenthread.node.CaseServiceApplication
  [gateway]=org.goldenthread.gateway.GatewayApplication
)
./mvnw -B -ntp -q -pl "$(IFS=,; echo "${!MAIN[*]}")" -am install -DskipTests
for module in "${!MAIN[@]}"; do
  ./mvnw -B -ntp -q -pl "$module" "$JIB:$goal" \
    -Djib.from.image="$BASE_IMAGE" \
    -Djib.to.image="$REGISTRY/golden-thread/$module:$TAG" \
    -Djib.container.mainClass="${MAIN[$module]}" \
    -Djib.container.user=65532:65532 \
    -Djib.container.ports=8080,8081,9090 \
    -Djib.container.creationTime=EPOCH \
    -Djib.container.filesModificationTime=EPOCH_PLUS_SECOND \
    -Djib.container.jvmFlags="-XX:MaxRAMPercentage=75,-XX:InitialRAMPercentage=50,-XX:+ExitOnOutOfMemoryError,-Djava.io.tmpdir=/tmp" \
    -Djib.container.labels="org.opencontainers.image.source=golden-thread,org.opencontainers.image.title=$module"
done
