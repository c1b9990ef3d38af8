#!/bin/sh
# One-shot job (temporalio/admin-tools, Temporal CLI): waits until the cluster answers, then
# creates the namespace with its retention when it does not exist yet. Safe to run again.
# TEMPORAL_ADDRESS (read by the CLI), CJG_NAMESPACE and CJG_NAMESPACE_RETENTION (e.g. 30d).
set -eu
: "${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is required}"
namespace=${CJG_NAMESPACE:-cjg-toegang}
retention=${CJG_NAMESPACE_RETENTION:-30d}
attempts=${CJG_SETUP_ATTEMPTS:-60}

i=1
until temporal operator cluster health >/dev/null 2>&1; do
  if [ "$i" -ge "$attempts" ]; then
    echo "Temporal at $TEMPORAL_ADDRESS did not become healthy" >&2
    exit 1
  fi
  i=$((i + 1))
  sleep 2
done

if temporal operator namespace describe --namespace "$namespace" >/dev/null 2>&1; then
  echo "namespace $namespace exists"
else
  temporal operator namespace create --namespace "$namespace" --retention "$retention" \
    --description "cjg-toegang: toegang trajectories"
  echo "namespace $namespace created (retention $retention)"
fi
