#!/usr/bin/env bash
# Sourced by Basalt's scripts: points JAVA_HOME at a JDK >= 21 and puts it first on PATH.
# Order: JAVA_HOME when it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm, else stop.
# BASALT_JVM_DIR replaces /usr/lib/jvm as the place searched (used by the script's own test).

basalt_java_major() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

basalt_select_jdk() {
  local required=21 best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(basalt_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$required" ]; then
      best="$JAVA_HOME"; best_major=$major
    fi
  fi
  if [ -z "$best" ]; then
    for candidate in "${BASALT_JVM_DIR:-/usr/lib/jvm}"/*; do
      [ -L "$candidate" ] && continue
      major=$(basalt_java_major "$candidate")
      if [ -n "$major" ] && [ "$major" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
        best="$candidate"; best_major=$major
      fi
    done
  fi
  if [ -z "$best" ]; then
    echo "basalt: needs a JDK ${required} or newer; none found in JAVA_HOME or ${BASALT_JVM_DIR:-/usr/lib/jvm}." >&2
    echo "basalt: install one, e.g. 'apt-get install openjdk-21-jdk' (or temurin-21-jdk), or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own libraries still touch sun.misc.Unsafe; JDK 24+ warns about it on every run.
  if [ "$best_major" -ge 24 ]; then
    export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}"
  fi
}

basalt_select_jdk || exit 1
if ! command -v mvn >/dev/null 2>&1; then
  echo "basalt: needs Apache Maven 3.8 or newer on PATH ('apt-get install maven')." >&2
  exit 1
fi
