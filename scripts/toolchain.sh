#!/usr/bin/env bash
# Finds, installs or builds the Pulumi pieces citydc runs on, each cached by version, and prints the directory
# to put on PATH as its LAST line (`export PATH="$(bash scripts/toolchain.sh | tail -n1):$PATH"`):
#
#   pulumi                   the CLI 3.248.0 (the release that matches @pulumi/pulumi 3.248.0 on Node 20)
#   pulumi-language-nodejs   the official Node.js language host 3.248.0, next to pulumi (plain `pulumi up`)
#   pulumi-resource-command  the command resource plugin 1.2.1 (what @pulumi/command 1.2.1 asks for)
#
# Each piece, in this order:
#   1. what is already there: a `pulumi` on PATH, with the language host next to it or on PATH; the command
#      plugin in the user's Pulumi home (${PULUMI_HOME:-~/.pulumi}/plugins); or citydc's cache, filled by an
#      earlier run: ${CITYDC_CACHE:-${XDG_CACHE_HOME:-~/.cache}/citydc}/toolchain/<piece>-v<version>/bin.
#      A warm run takes well under a second;
#   2. online, the usual install: Pulumi's release tarball (the CLI with its language hosts) from get.pulumi.com,
#      checked against the release's checksums, and `pulumi plugin install resource command v1.2.1`. A 5-second
#      reachability check comes first, so an offline machine moves on at once;
#   3. a build with the machine's Go (GOTOOLCHAIN=local, CGO_ENABLED=0, -trimpath, the version ldflags of the
#      official builds): the CLI from the Go module proxy (several minutes cold, ~1 GB of module cache); the
#      language host and the command plugin from CITYDC_GO_SOURCES (the proxy refuses their modules).
#
# CITYDC_GO_SOURCES, the sources to build from, is one of:
#   - a directory holding the source tarballs pulumi-language-nodejs-v3.248.0.tar.gz and pulumi-command-v1.2.1.tar.gz
#     (.ci/run points it at ../shared/vendor when that exists);
#   - a directory holding the same sources unpacked (or checkouts of pulumi/pulumi and pulumi/pulumi-command),
#     or one such source tree itself;
#   - a single tarball: that piece is built from it, the other must already be there.
#   A source is recognised by the module path in its go.mod; one whose name carries another version is skipped.
#   An explicit source means "build from it": with CITYDC_GO_SOURCES set, nothing is downloaded from Pulumi's
#   release servers (the Go build still takes its dependencies from the module proxy). CITYDC_OFFLINE=1 turns
#   the online install off as well; CI sets it.
#
# The command plugin is then installed, from the cached binary, into the user's Pulumi home and into citydc's own
# (${CITYDC_PULUMI_HOME:-<repo>/.pulumi-home}) with `pulumi plugin install resource command v1.2.1 --file ...`,
# skipped when it is there already; pulumi/env.ts does the same for any other home a run uses.
#
# A missing piece stops the script with one line saying what to install, exit 2. One build per piece at a time
# (flock): a second caller waits for the first and uses its result. CITYDC_BUILD_PULUMI=1 ignores a pulumi on
# PATH (and its language host) and uses or builds the cached ones.
set -euo pipefail

PULUMI_VERSION=3.248.0
COMMAND_VERSION=1.2.1
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${CITYDC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/citydc}/toolchain
CLI_DIR=$CACHE/pulumi-v$PULUMI_VERSION
HOST_DIR=$CACHE/pulumi-language-nodejs-v$PULUMI_VERSION
COMMAND_DIR=$CACHE/pulumi-command-v$COMMAND_VERSION
CLI_BIN=$CLI_DIR/bin HOST_BIN=$HOST_DIR/bin COMMAND_BIN=$COMMAND_DIR/bin
HOST_MODULE=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
COMMAND_MODULE=github.com/pulumi/pulumi-command/provider
PULUMI_VERSION_FLAG=github.com/pulumi/pulumi/sdk/v3/go/common/version.Version
COMMAND_VERSION_FLAG=github.com/pulumi/pulumi-command/provider/pkg/version.Version
INSTALL_DOCS=https://www.pulumi.com/docs/install/

log() { echo "toolchain: $*" >&2; }
missing() { echo "toolchain: $*" >&2; exit 2; }
real() { readlink -f "$1" 2>/dev/null || echo "$1"; }

SOURCES=${CITYDC_GO_SOURCES:-}
if [ -n "$SOURCES" ]; then
  [ -e "$SOURCES" ] || missing "CITYDC_GO_SOURCES=$SOURCES does not exist: point it at a directory or tarball with the Go sources"
  SOURCES=$(real "$SOURCES")
fi

CLEANUP=()
trap 'rm -rf ${CLEANUP[@]+"${CLEANUP[@]}"}' EXIT
# scratch: a fresh temporary directory in $SCRATCH, removed when the script exits.
scratch() { SCRATCH=$(mktemp -d); CLEANUP+=("$SCRATCH"); }

# lock DIR [FILE]: one build of a piece (or one install into a Pulumi home) at a time, on DIR/FILE (default
# .lock). Returns 1 when another caller held the lock (we waited for it): the caller then checks whether that
# one left what it needs.
lock() {
  mkdir -p "$1"
  exec 9>"$1/${2:-.lock}"
  flock -n 9 && return 0
  log "another set-up is working in $1; waiting for it"
  flock 9
  return 1
}
unlock() { exec 9>&-; }

# link TARGET NAME: NAME becomes a symlink to TARGET (atomically: concurrent callers never see it missing).
link() { ln -sfn "$1" "$2.$$" && mv -Tf "$2.$$" "$2"; }

need_go() {
  command -v go >/dev/null 2>&1 || missing "$1"
}
go_env() { export GOTOOLCHAIN=local GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0; }

# --- online: the usual install, never with CITYDC_GO_SOURCES or CITYDC_OFFLINE -------------------------------
ONLINE=
online() {
  if [ -z "$ONLINE" ]; then
    ONLINE=no
    # An explicit source (or CI) means build, never download. Any HTTP answer counts as reachable.
    if [ -z "$SOURCES" ] && [ -z "${CITYDC_OFFLINE:-}" ] && command -v curl >/dev/null 2>&1 &&
      curl -sSI --connect-timeout 5 --max-time 10 -o /dev/null https://get.pulumi.com/ 2>/dev/null; then
      ONLINE=yes
    fi
  fi
  [ "$ONLINE" = yes ]
}

# fetch_release DEST: Pulumi's release tarball for this machine, checked against the release checksums, unpacked
# into DEST (pulumi, pulumi-language-nodejs, ... as the official install has them).
fetch_release() {
  local plat tgz tmp
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) plat=linux-x64 ;;
    Linux-aarch64 | Linux-arm64) plat=linux-arm64 ;;
    Darwin-x86_64) plat=darwin-x64 ;;
    Darwin-arm64) plat=darwin-arm64 ;;
    *) return 1 ;;
  esac
  tgz=pulumi-v$PULUMI_VERSION-$plat.tar.gz
  scratch
  tmp=$SCRATCH
  log "downloading $tgz"
  curl -fsSL --connect-timeout 10 --retry 2 -o "$tmp/$tgz" "https://get.pulumi.com/releases/sdk/$tgz" &&
    curl -fsSL --connect-timeout 10 --retry 2 -o "$tmp/sums" \
      "https://github.com/pulumi/pulumi/releases/download/v$PULUMI_VERSION/pulumi-$PULUMI_VERSION-checksums.txt" &&
    (cd "$tmp" && grep " $tgz\$" sums | sha256sum -c --status) &&
    rm -rf "$1" && mkdir -p "$1" && tar xzf "$tmp/$tgz" -C "$1" --strip-components=1
}

# --- CITYDC_GO_SOURCES ----------------------------------------------------------------------------------------
module_of() { sed -n 's/^module[[:space:]]\{1,\}//p' | tr -d '\r"' | head -n 1; }
# other_version TEXT VERSION: TEXT names a release other than VERSION.
other_version() {
  local v
  v=$(grep -oE 'v[0-9]+\.[0-9]+\.[0-9]+' <<<"$1" | head -n 1 || true)
  [ -n "$v" ] && [ "$v" != "v$2" ]
}

# find_source MODULE VERSION: sets SRC_DIR (a source tree) or SRC_TAR and SRC_MEMBER (a tarball and the go.mod
# inside it) for the Go module MODULE in CITYDC_GO_SOURCES.
find_source() {
  local module=$1 version=$2 c m
  SRC_DIR='' SRC_TAR='' SRC_MEMBER=''
  [ -n "$SOURCES" ] || return 1
  local candidates=("$SOURCES")
  if [ -d "$SOURCES" ]; then candidates+=("$SOURCES"/*); fi
  for c in "${candidates[@]}"; do
    other_version "$(basename "$c")" "$version" && continue
    if [ -d "$c" ]; then
      for m in "$c/go.mod" "$c/provider/go.mod" "$c/sdk/nodejs/cmd/pulumi-language-nodejs/go.mod"; do
        if [ -f "$m" ] && [ "$(module_of <"$m")" = "$module" ]; then
          SRC_DIR=$(dirname "$m")
          return 0
        fi
      done
    elif [ -f "$c" ] && [[ $c == *.tar.gz || $c == *.tgz ]]; then
      while IFS= read -r m; do
        other_version "$m" "$version" && continue
        if [ "$(tar xzf "$c" -O "$m" | module_of)" = "$module" ]; then
          SRC_TAR=$c SRC_MEMBER=$m
          return 0
        fi
      done < <(tar tzf "$c" 2>/dev/null | grep -E '(^|/)go\.mod$' || true)
    fi
  done
  return 1
}

# unpack_source DEST: copies the source find_source found into DEST; prints the module's directory.
unpack_source() {
  if [ -n "$SRC_DIR" ]; then
    cp -R "$SRC_DIR/." "$1/src"
    echo "$1/src"
  else
    tar xzf "$SRC_TAR" -C "$1"
    echo "$1/$(dirname "$SRC_MEMBER")"
  fi
}
source_name() { if [ -n "$SRC_DIR" ]; then echo "$SRC_DIR"; else echo "$SRC_TAR"; fi; }

# --- 1. the CLI -----------------------------------------------------------------------------------------------
cli_ok() { [ -x "$1" ] && [ "$("$1" version 2>/dev/null)" = "v$PULUMI_VERSION" ]; }

build_cli() {
  local out=$1 work
  need_go "pulumi v$PULUMI_VERSION is missing: install Pulumi $PULUMI_VERSION ($INSTALL_DOCS) or Go 1.25+ to build it from the Go module proxy"
  scratch
  work=$SCRATCH
  rm -rf "$out" && mkdir -p "$out"
  (
    go_env
    cd "$work"
    # A wrapper module: `go install` refuses pkg/v3 (its go.mod has replace directives, ignored in a dependency),
    # so the one replace that matters at this version is restated here.
    cat >go.mod <<MOD
module citydc.local/toolchain

go 1.25

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
    cat >tools.go <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
    log "resolving modules for pulumi v$PULUMI_VERSION"
    go get "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION" >&2
    log "building pulumi v$PULUMI_VERSION (several minutes on a cold cache)"
    # The version ldflag matters: without it the Automation API cannot parse `pulumi version`.
    go build -trimpath -tags osusergo,grpcnotrace -ldflags "-s -w -X $PULUMI_VERSION_FLAG=v$PULUMI_VERSION" \
      -o "$out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  )
  cli_ok "$out/pulumi" || { log "the built pulumi reports $("$out/pulumi" version), not v$PULUMI_VERSION"; exit 1; }
}

user_cli=
if [ -z "${CITYDC_BUILD_PULUMI:-}" ] && p=$(command -v pulumi 2>/dev/null); then
  p=$(real "$p")
  [ "$p" = "$(real "$CLI_BIN/pulumi")" ] || user_cli=$p
fi
if [ -n "$user_cli" ]; then
  cli=$user_cli
  have=$("$cli" version 2>/dev/null || echo unknown)
  [ "$have" = "v$PULUMI_VERSION" ] || log "note: the installed pulumi is $have; citydc is tested with v$PULUMI_VERSION"
  log "using the installed pulumi $have at $cli"
else
  cli=$CLI_BIN/pulumi
  if ! cli_ok "$cli"; then
    if lock "$CLI_DIR" || ! cli_ok "$cli"; then
      if online && fetch_release "$CLI_BIN.partial" && cli_ok "$CLI_BIN.partial/pulumi"; then
        log "installed the Pulumi $PULUMI_VERSION release"
      else
        build_cli "$CLI_BIN.partial"
      fi
      rm -rf "$CLI_BIN" && mv "$CLI_BIN.partial" "$CLI_BIN"
      log "pulumi v$PULUMI_VERSION is in $CLI_BIN"
    fi
    unlock
  fi
fi
cli_dir=$(dirname "$cli")

# --- 2. the Node.js language host -----------------------------------------------------------------------------
host_ok() { [ -x "$1" ] && [ "$("$1" -version 2>/dev/null)" = "v$PULUMI_VERSION" ]; }

build_host() {
  local out=$1 mod sdk
  find_source "$HOST_MODULE" "$PULUMI_VERSION" ||
    missing "pulumi-language-nodejs v$PULUMI_VERSION is missing: install Pulumi $PULUMI_VERSION ($INSTALL_DOCS) or set CITYDC_GO_SOURCES to a directory with pulumi-language-nodejs-v$PULUMI_VERSION.tar.gz"
  need_go "Go 1.25+ is missing: install it (https://go.dev/doc/install) to build pulumi-language-nodejs v$PULUMI_VERSION from $(source_name)"
  scratch
  mod=$(unpack_source "$SCRATCH")
  rm -rf "$out" && mkdir -p "$out"
  log "building pulumi-language-nodejs v$PULUMI_VERSION from $(source_name)"
  (
    go_env
    cd "$mod"
    # In the pulumi repository the host replaces pkg and sdk with relative paths; outside it, the released
    # modules of the same version (served by the module proxy) take their place.
    go mod edit -dropreplace=github.com/pulumi/pulumi/pkg/v3 -dropreplace=github.com/pulumi/pulumi/sdk/v3 \
      -require="github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" -require="github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION"
    go build -trimpath -tags osusergo,grpcnotrace -ldflags "-s -w -X $PULUMI_VERSION_FLAG=v$PULUMI_VERSION" \
      -o "$out/pulumi-language-nodejs" . >&2
    # The dynamic-provider shim that the release ships next to the host (a small script inside the sdk module).
    sdk=$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)
    install -m 0755 "$sdk/nodejs/dist/pulumi-resource-pulumi-nodejs" "$out/"
  )
  host_ok "$out/pulumi-language-nodejs" || { log "the built pulumi-language-nodejs does not report v$PULUMI_VERSION"; exit 1; }
}

host=
if [ -x "$cli_dir/pulumi-language-nodejs" ] && { [ -n "$user_cli" ] || host_ok "$cli_dir/pulumi-language-nodejs"; }; then
  host=$cli_dir/pulumi-language-nodejs
elif [ -n "$user_cli" ] && p=$(command -v pulumi-language-nodejs 2>/dev/null) && [ "$(real "$p")" != "$(real "$HOST_BIN/pulumi-language-nodejs")" ]; then
  host=$p
fi
if [ -n "$host" ]; then
  [ -z "$user_cli" ] || host_ok "$host" || log "note: $host is not v$PULUMI_VERSION; citydc is tested with v$PULUMI_VERSION"
  out=$cli_dir
else
  if ! host_ok "$HOST_BIN/pulumi-language-nodejs"; then
    if lock "$HOST_DIR" || ! host_ok "$HOST_BIN/pulumi-language-nodejs"; then
      rel=$HOST_DIR/release.partial
      if online && fetch_release "$rel" && host_ok "$rel/pulumi-language-nodejs"; then
        rm -rf "$HOST_BIN.partial" && mkdir -p "$HOST_BIN.partial"
        mv "$rel/pulumi-language-nodejs" "$rel/pulumi-resource-pulumi-nodejs" "$HOST_BIN.partial/"
        rm -rf "$rel"
      else
        build_host "$HOST_BIN.partial"
      fi
      rm -rf "$HOST_BIN" && mv "$HOST_BIN.partial" "$HOST_BIN"
      log "pulumi-language-nodejs v$PULUMI_VERSION is in $HOST_BIN"
    fi
    unlock
  fi
  # The engine looks for the language host next to the pulumi it runs, then on PATH.
  if [ -z "$user_cli" ]; then
    for f in pulumi-language-nodejs pulumi-resource-pulumi-nodejs; do
      [ "$(real "$CLI_BIN/$f")" = "$(real "$HOST_BIN/$f")" ] || link "$HOST_BIN/$f" "$CLI_BIN/$f"
    done
    out=$CLI_BIN
  else
    # A user's pulumi without the host: the printed directory holds both (found through PATH).
    [ "$(real "$HOST_BIN/pulumi")" = "$cli" ] || link "$cli" "$HOST_BIN/pulumi"
    out=$HOST_BIN
  fi
fi

# --- 3. the command resource plugin ---------------------------------------------------------------------------
command_ok() { [ -x "$COMMAND_BIN/pulumi-resource-command" ]; }
plugin_dir() { echo "$1/plugins/resource-command-v$COMMAND_VERSION"; }
plugin_in() { local d; d=$(plugin_dir "$1"); [ -x "$d/pulumi-resource-command" ] && [ ! -e "$d.partial" ]; }
user_home=${PULUMI_HOME:-$HOME/.pulumi}

build_command() {
  local out=$1 mod
  find_source "$COMMAND_MODULE" "$COMMAND_VERSION" ||
    missing "the command plugin v$COMMAND_VERSION is missing: run 'pulumi plugin install resource command v$COMMAND_VERSION' (with internet) or set CITYDC_GO_SOURCES to a directory with pulumi-command-v$COMMAND_VERSION.tar.gz"
  need_go "Go 1.25+ is missing: install it (https://go.dev/doc/install) to build the command plugin v$COMMAND_VERSION from $(source_name)"
  scratch
  mod=$(unpack_source "$SCRATCH")
  rm -rf "$out" && mkdir -p "$out"
  log "building pulumi-resource-command v$COMMAND_VERSION from $(source_name) (a few minutes on a cold cache)"
  (
    go_env
    cd "$mod"
    go build -trimpath -ldflags "-s -w -X $COMMAND_VERSION_FLAG=v$COMMAND_VERSION" \
      -o "$out/pulumi-resource-command" ./cmd/pulumi-resource-command >&2
  )
}

if ! command_ok; then
  if lock "$COMMAND_DIR" || ! command_ok; then
    if plugin_in "$user_home"; then
      mkdir -p "$COMMAND_BIN"
      link "$(plugin_dir "$user_home")/pulumi-resource-command" "$COMMAND_BIN/pulumi-resource-command"
      log "using the command plugin v$COMMAND_VERSION installed in $user_home"
    else
      dl=$COMMAND_DIR/download-home
      if online && rm -rf "$dl" &&
        PULUMI_HOME=$dl PULUMI_SKIP_UPDATE_CHECK=true "$cli" plugin install resource command "v$COMMAND_VERSION" --exact >&2 &&
        plugin_in "$dl"; then
        rm -rf "$COMMAND_BIN.partial" && mkdir -p "$COMMAND_BIN.partial"
        mv "$(plugin_dir "$dl")/pulumi-resource-command" "$COMMAND_BIN.partial/"
        rm -rf "$dl"
      else
        build_command "$COMMAND_BIN.partial"
      fi
      rm -rf "$COMMAND_BIN" && mv "$COMMAND_BIN.partial" "$COMMAND_BIN"
      log "pulumi-resource-command v$COMMAND_VERSION is in $COMMAND_BIN"
    fi
  fi
  unlock
fi

# Into the Pulumi homes the engine runs use: the user's (plain pulumi) and citydc's own (Automation API runs).
command_file=$(real "$COMMAND_BIN/pulumi-resource-command")
for home in "$user_home" "${CITYDC_PULUMI_HOME:-$REPO/.pulumi-home}"; do
  plugin_in "$home" && continue
  lock "$home" .citydc-toolchain.lock || true
  if ! plugin_in "$home"; then
    PULUMI_HOME=$home PULUMI_SKIP_UPDATE_CHECK=true "$cli" plugin install resource command "v$COMMAND_VERSION" \
      --exact --file "$command_file" >&2
    plugin_in "$home" || { log "the command plugin did not land in $home/plugins"; exit 1; }
  fi
  unlock
done

echo "$out"
