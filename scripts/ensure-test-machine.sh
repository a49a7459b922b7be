#!/usr/bin/env bash
# What the tests need from the machine, installed from Debian when missing (needs root, as on the
# project's machines and CI): Chromium for the end-to-end tests (browser downloads are not
# possible here) and a Java 17 JDK, whose javac compiles DynamoDB Local's loopback launcher.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
if [ "${#need[@]}" -eq 0 ]; then exit 0; fi
echo "Missing for the tests: installing Debian's ${need[*]}…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null
