#!/usr/bin/env bash
# Fails when dist/ is not what `npm run bundle` makes from the current sources.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent bundle
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is stale: rebundling changed it. Run 'npm run bundle' and commit dist/." >&2
  git status --porcelain -- dist >&2
  git diff --stat -- dist >&2
  exit 1
fi
echo "dist/ is current"
