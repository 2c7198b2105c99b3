#!/usr/bin/env bash
# Runs Pupitre locally: PostgreSQL (embedded) + gateway + listings, matching and billing services + web app.
# Builds first when a packaged jar is missing or older than its sources.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

readonly SERVICES=(gateway listings-service matching-service billing-service web)
readonly LAUNCHER_JAR=launcher/target/launcher-1.0.0-SNAPSHOT.jar

usage() {
    cat <<'EOF'
Usage: ./run.sh [--demo] [--replicas N] [--help]

Starts PostgreSQL, the four Pupitre services and the web app; open http://localhost:8080/
(the API: http://localhost:8080/api/v1, Swagger UI: http://localhost:8080/api/v1/docs). Ctrl-C stops everything.
Builds with ./mvnw first when a packaged jar is missing or older than its module's sources.

  --demo         load bilingual demo data (secretaries, clients, listings) through the public API
  --replicas N   run N instances (1 to 4) of each service and of the web app behind the gateway, which
                 balances between them; instance 2 and on take free ports (the banner lists them)
  --help         show this help

Environment (optional):
  PUPITRE_STATE_DIR         state folder (default .pupitre/: pgdata, keys, logs, secrets.properties)
  PUPITRE_DB_URL            JDBC URL of an external PostgreSQL admin database (default: embedded)
  PUPITRE_DB_USER           its admin user (default postgres)
  PUPITRE_DB_PASSWORD       its admin password (default empty)
  PUPITRE_EMBEDDED_DB_PORT  embedded PostgreSQL port (default 54329, 0 = free port)
  PUPITRE_ADMIN_EMAIL       platform administrator (default admin@pupitre.local with a generated
  PUPITRE_ADMIN_PASSWORD      password, kept in .pupitre/secrets.properties)
  PUPITRE_CORS_ORIGINS      default http://localhost:3000,http://localhost:5173
  PUPITRE_GATEWAY_PORT, PUPITRE_LISTINGS_PORT, PUPITRE_MATCHING_PORT, PUPITRE_BILLING_PORT,
  PUPITRE_WEB_PORT          default 8080, 8081, 8082, 8083, 8084 (0 = free port)
  PUPITRE_READY_TIMEOUT     seconds to wait for the services (default 180)
  PUPITRE_JAVA_OPTS         JVM options of the services and the web app
EOF
}

expect_replicas=""
for arg in "$@"; do
    if [[ -n "$expect_replicas" ]]; then
        expect_replicas=""
        [[ "$arg" =~ ^[1-4]$ ]] && continue
        echo "--replicas needs a number from 1 to 4, not $arg" >&2
        exit 2
    fi
    case "$arg" in
        -h|--help)
            usage
            exit 0
            ;;
        --demo) ;;
        --replicas) expect_replicas=yes ;;
        *)
            echo "Unknown option: $arg" >&2
            usage >&2
            exit 2
            ;;
    esac
done

java_cmd="java"
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    java_cmd="${JAVA_HOME}/bin/java"
fi
if ! command -v "$java_cmd" >/dev/null 2>&1; then
    echo "Java 17 or newer is required (no 'java' on PATH and no JAVA_HOME)." >&2
    exit 1
fi
java_version=$("$java_cmd" -version 2>&1 | sed -n -E 's/.*version "([0-9]+)(\.([0-9]+))?.*/\1 \3/p' | head -n 1)
read -r java_major java_minor <<<"$java_version"
if [[ "${java_major:-0}" == "1" ]]; then
    java_major="${java_minor:-0}" # 1.8 -> 8
fi
if [[ -z "${java_major:-}" || "$java_major" -lt 17 ]]; then
    echo "Java 17 or newer is required; found: $("$java_cmd" -version 2>&1 | head -n 1)" >&2
    exit 1
fi

# Prints why a build is needed, or nothing.
stale_reason() {
    local module jar newer
    for module in "${SERVICES[@]}" launcher; do
        if [[ "$module" == launcher ]]; then
            jar="$LAUNCHER_JAR"
        else
            jar="$module/target/quarkus-app/quarkus-run.jar"
        fi
        if [[ ! -f "$jar" ]]; then
            echo "$jar is missing"
            return
        fi
        local sources=("$module/src/main" "$module/pom.xml" pom.xml)
        if [[ "$module" != launcher && -d platform/src/main ]]; then
            sources+=(platform/src/main platform/pom.xml)
        fi
        newer=$(find "${sources[@]}" -newer "$jar" -type f -print -quit 2>/dev/null || true)
        if [[ -n "$newer" ]]; then
            echo "$newer is newer than $jar"
            return
        fi
    done
}

reason=$(stale_reason)
if [[ -n "$reason" ]]; then
    echo "Building (${reason}): ./mvnw -B -q -DskipTests package"
    ./mvnw -B -q -DskipTests package
fi

# exec: the JVM replaces this shell so that Ctrl-C (SIGINT) reaches it directly.
exec "$java_cmd" -cp "${LAUNCHER_JAR}:launcher/target/lib/*" ca.pupitre.launcher.Launcher "$@"
