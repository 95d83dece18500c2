# shellcheck shell=bash
# Finds a JDK 21 or newer for Tollgate's scripts. Source it, then call `jdk_require` (or `jdk_select`
# to test quietly). Candidates: $JAVA_HOME if it is 21+, else the newest 21+ JDK under /usr/lib/jvm,
# or the one whose javac is on PATH. Exports JAVA_HOME and puts its bin/ first on PATH (and
# quiets Maven's sun.misc.Unsafe warnings on JDK 24+ through MAVEN_OPTS).

TOLLGATE_MIN_JAVA=21

# Prints the major version of the JDK at $1 (a directory), or nothing when it is not a JDK.
jdk_major() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}          # 1.8.0_402 -> 8.0_402
  version=${version%%[!0-9]*}    # 25.0.3 -> 25
  [ -n "$version" ] && echo "$version"
  return 0
}

# Selects a JDK 21+ and exports JAVA_HOME/PATH; returns 1 (printing nothing) when there is none.
jdk_select() {
  local best="" best_major=0 home major javac
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$TOLLGATE_MIN_JAVA" ]; then
      best=$JAVA_HOME best_major=$major
    fi
  fi
  if [ -z "$best" ]; then
    local candidates=(/usr/lib/jvm/*)
    if javac=$(command -v javac 2>/dev/null); then
      candidates+=("$(dirname "$(dirname "$(readlink -f "$javac")")")")
    fi
    for home in "${candidates[@]}"; do
      [ -d "$home" ] || continue
      major=$(jdk_major "$home")
      if [ -n "$major" ] && [ "$major" -ge "$TOLLGATE_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
        best=$home best_major=$major
      fi
    done
  fi
  [ -n "$best" ] || return 1
  JAVA_HOME=$(cd "$best" && pwd -P)
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
  # Maven's own libraries (Guice, Guava) use sun.misc.Unsafe; JDK 24+ warns about it on every run
  if [ "$best_major" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}

# What to tell the user when there is no JDK 21+.
jdk_missing_message() {
  local seen="" home major
  for home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
    [ -d "$home" ] || continue
    major=$(jdk_major "$home")
    [ -n "$major" ] && seen="$seen ${home##*/}($major)"
  done
  echo "error: Tollgate needs a JDK $TOLLGATE_MIN_JAVA or newer (found:${seen:- none}); install one (e.g. Eclipse Temurin $TOLLGATE_MIN_JAVA, or openjdk-21-jdk-headless where your distribution has it) and set JAVA_HOME to it"
}

# Selects a JDK 21+ or exits with one line saying what to install.
jdk_require() {
  if ! jdk_select; then
    jdk_missing_message >&2
    exit 1
  fi
}
