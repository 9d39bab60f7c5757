#!/usr/bin/env bash
# System packages the test suite needs: Debian's Chromium (browser tests drive it
# through playwright's executable_path; no browser download) and a Unicode TTF
# font for the PDFs the tests generate; Java 17 and Maven, which build and run the
# throw-away Neo4j of the Neo4j tests (tests/neo4j_server/). Idempotent; uses sudo
# when not root.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
