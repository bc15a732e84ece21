#!/usr/bin/env bash
# Finds or builds the Pulumi CLI citydc needs (3.248.0, the release that matches @pulumi/pulumi 3.248.0 on
# Node 20), offline-friendly and idempotent. Prints the directory to put on PATH as its LAST line.
#
#   1. a `pulumi` already on PATH (installed the usual way, with internet) is used as is;
#   2. else the cached build ~/.cache/citydc/toolchain/pulumi-v3.248.0/bin (CITYDC_CACHE or XDG_CACHE_HOME
#      move it); a second run costs well under a second;
#   3. else the CLI is built from the Go module proxy (several minutes on two cores, ~1 GB module cache).
#
# Only the CLI is needed: citydc runs its programs as Automation API inline programs (no language host) and
# configures devices with its own provider plugin (provider/pulumi-resource-citydc, found via Pulumi.yaml).
# The modules of the Node.js language host and of pulumi-command are refused by the proxy here (403).
#
# CITYDC_BUILD_PULUMI=1 ignores a pulumi on PATH and uses (or builds) the cached one.
set -euo pipefail

PULUMI_VERSION=3.248.0
CACHE_ROOT=${CITYDC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/citydc}
DIR=$CACHE_ROOT/toolchain/pulumi-v$PULUMI_VERSION
BIN=$DIR/bin

log() { echo "toolchain: $*" >&2; }

# 1. A user's own pulumi.
if [ -z "${CITYDC_BUILD_PULUMI:-}" ] && command -v pulumi >/dev/null 2>&1 && [ "$(command -v pulumi)" != "$BIN/pulumi" ]; then
  have=$(pulumi version 2>/dev/null || echo unknown)
  [ "$have" = "v$PULUMI_VERSION" ] || log "note: the installed pulumi is $have; citydc is tested with v$PULUMI_VERSION"
  log "using the installed pulumi $have at $(command -v pulumi)"
  dirname "$(command -v pulumi)"
  exit 0
fi

cached_ok() { [ -x "$BIN/pulumi" ] && [ "$("$BIN/pulumi" version 2>/dev/null)" = "v$PULUMI_VERSION" ]; }

# 2. Our cached build (checked: it runs and reports the right version).
if cached_ok; then
  echo "$BIN"
  exit 0
fi

# 3. Build it. One build at a time: a second caller waits for the first and then uses its result.
command -v go >/dev/null || { log "Go is needed to build the Pulumi CLI offline (or install pulumi v$PULUMI_VERSION: https://www.pulumi.com/docs/install/)"; exit 2; }
mkdir -p "$DIR"
exec 9>"$DIR/.lock"
if ! flock -n 9; then
  log "another build is running; waiting for it"
  flock 9
  if cached_ok; then echo "$BIN"; exit 0; fi
fi

export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
work=$(mktemp -d)
trap 'rm -rf "$work" "$BIN.partial"' EXIT
rm -rf "$BIN.partial" && mkdir -p "$BIN.partial"
cd "$work"
# A wrapper module: `go install` refuses pkg/v3 (its go.mod has replace directives, ignored in a dependency),
# so the one replace that matters at this version is restated here.
cat > go.mod <<MOD
module citydc.local/toolchain

go 1.25

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
cat > tools.go <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
log "resolving modules for pulumi v$PULUMI_VERSION"
go get "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION" >&2
log "building pulumi v$PULUMI_VERSION (several minutes on a cold cache)"
# The version ldflag matters: without it the Automation API cannot parse `pulumi version`.
go build -trimpath -tags osusergo,grpcnotrace \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
  -o "$BIN.partial/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
[ "$("$BIN.partial/pulumi" version)" = "v$PULUMI_VERSION" ] || { log "the built pulumi reports $("$BIN.partial/pulumi" version), not v$PULUMI_VERSION"; exit 1; }
rm -rf "$BIN" && mv "$BIN.partial" "$BIN"
log "built into $BIN"
echo "$BIN"
