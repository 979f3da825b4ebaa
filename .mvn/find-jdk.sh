# Sourced by ./mpk and ./mvnw: finds a JDK >= 25 ($JAVA_HOME first, then the newest /usr/lib/jvm/*).

# The major version of the JDK at $1, or nothing.
jdk_major() {
  local release="$1/release"
  [[ -x "$1/bin/java" && -r "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

# JAVA_HOME if it is >= 25, else the newest /usr/lib/jvm/* that is; prints nothing if none.
find_jdk() {
  local major
  if [[ -n "${JAVA_HOME:-}" ]]; then
    major="$(jdk_major "$JAVA_HOME")"
    if [[ -n "$major" && "$major" -ge 25 ]]; then echo "$JAVA_HOME"; return; fi
  fi
  local best="" best_major=0 dir
  for dir in /usr/lib/jvm/*; do
    [[ -L "$dir" ]] && continue
    major="$(jdk_major "$dir")"
    if [[ -n "$major" && "$major" -ge 25 && "$major" -gt "$best_major" ]]; then best="$dir"; best_major="$major"; fi
  done
  [[ -n "$best" ]] && echo "$best"
}

NO_JDK_MESSAGE="no JDK 25 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*). Install one, e.g. Temurin 25 (apt-get install temurin-25-jdk from packages.adoptium.net), or set JAVA_HOME to it."
