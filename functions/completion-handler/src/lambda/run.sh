#!/bin/bash
# Lambda handler of the completion-handler (managed java21 runtime + Lambda Web Adapter layer):
# with AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap the adapter's wrapper execs this script instead of
# the runtime's own Java bootstrap, so the JVM flags are set here. The same unzipped package runs
# anywhere with a JDK 21+ on PATH: LAMBDA_TASK_ROOT defaults to this script's directory.
set -euo pipefail

LAMBDA_TASK_ROOT=${LAMBDA_TASK_ROOT:-$(cd "$(dirname "$0")" && pwd)}
export LAMBDA_TASK_ROOT

# C1 only (tiered compilation stopped at level 1): AWS's advice for cold starts of small functions.
# Serial GC: the collector Lambda's Java runtimes use by default. Heap: 75% of the function's memory.
# TOLLGATE_JAVA_OPTS comes last, so it can override any of these.
# shellcheck disable=SC2086
exec java \
  -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
  -XX:+UseSerialGC -XX:MaxRAMPercentage=75 \
  ${TOLLGATE_JAVA_OPTS:-} \
  -cp "$LAMBDA_TASK_ROOT/lib/*" dev.tollgate.completion.CompletionMain
