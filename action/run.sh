#!/usr/bin/env bash
# The GitHub Action's work (action.yml runs it; test/action.test.ts runs it against a temporary
# repository with fake GITHUB_* files): get journey, get a browser only when a format needs one,
# validate and lint with annotations, build the documents, and say what happened in the step summary
# and the step's outputs (out-dir, documents, ok); `journey` is on the PATH of the job's later
# steps. The upload is action.yml's next step.
#
# Inputs come as environment variables: JOURNEY_MAPS (files, folders or glob patterns, separated by
# spaces or new lines; empty: the `inputs` of journey.config.yaml, else the whole repository),
# JOURNEY_FORMATS (html,md,pdf), JOURNEY_OUT_DIR, JOURNEY_LINT (true/false), JOURNEY_VERSION (a
# journey-maps version from the registry; empty: this action's own checkout).
set -uo pipefail

formats="${JOURNEY_FORMATS:-html}"
out_dir="${JOURNEY_OUT_DIR:-journey-documents}"
lint="${JOURNEY_LINT:-true}"
action_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: run this inside a GitHub workflow (or set it to a file)}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
cd "${GITHUB_WORKSPACE:-.}" || exit 1

say() { printf '%s\n' "$*" >>"$summary"; }
# Each output in the multi-line form, between delimiters no value can foresee: a value holding a line
# break cannot add outputs of its own.
output() {
  local delimiter
  delimiter="journey-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s<<%s\n%s\n%s\n' "$1" "$delimiter" "$2" "$delimiter" >>"$GITHUB_OUTPUT"
}
# The folder is also the upload's path, where each line names paths to upload: one line only.
if [[ "$out_dir" == *[[:cntrl:]]* ]]; then
  echo "::error title=journey::out-dir: expected one folder name, found a line break or another control character"
  output ok false
  exit 1
fi
output out-dir "$out_dir"

# --- journey itself -----------------------------------------------------------------------------
if [ -n "${JOURNEY_BIN:-}" ]; then
  journey=(node "$JOURNEY_BIN") # a journey already at hand (the tests: this repository's bin)
elif [ -n "${JOURNEY_VERSION:-}" ]; then
  echo "::group::Install journey-maps@$JOURNEY_VERSION"
  npm install --global --no-audit --no-fund "journey-maps@$JOURNEY_VERSION" || exit 1
  echo "::endgroup::"
  journey=(journey)
else
  # This action's own checkout: install its dependencies and build the bundle once.
  echo "::group::Build journey from the action's checkout"
  (cd "$action_dir" && npm ci --no-audit --no-fund && npm run build) || exit 1
  echo "::endgroup::"
  journey=(node "$action_dir/bin/journey.js")
fi
# Later steps of the job can run `journey` too (a pull-request comment with `journey diff`, say).
if [ "${journey[0]}" = node ] && [ -n "${GITHUB_PATH:-}" ]; then
  mkdir -p "${RUNNER_TEMP:-/tmp}/journey-bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "${journey[1]}" >"${RUNNER_TEMP:-/tmp}/journey-bin/journey"
  chmod +x "${RUNNER_TEMP:-/tmp}/journey-bin/journey"
  echo "${RUNNER_TEMP:-/tmp}/journey-bin" >>"$GITHUB_PATH"
fi

# --- the maps -----------------------------------------------------------------------------------
read -r -d '' -a maps <<<"${JOURNEY_MAPS:-}"
if [ ${#maps[@]} -eq 0 ] && [ ! -e journey.config.yaml ] && [ ! -e journey.config.yml ]; then maps=(.); fi

# --- a browser, only for formats printed with one -----------------------------------------------
# pdf prints with a browser (png, when it comes, will too). GitHub's Ubuntu runners have Google
# Chrome, which journey finds by itself; elsewhere Chrome is installed from Chrome for Testing.
if [[ ",$formats," =~ ,(pdf|png), ]]; then
  found=""
  [ -n "${CHROME_PATH:-}${PUPPETEER_EXECUTABLE_PATH:-}" ] && found="${CHROME_PATH:-$PUPPETEER_EXECUTABLE_PATH}"
  for name in ${JOURNEY_BROWSER_NAMES:-google-chrome google-chrome-stable chromium chromium-browser}; do
    [ -z "$found" ] && found="$(command -v "$name" || true)"
  done
  if [ -n "$found" ]; then
    echo "Browser for $formats: $found"
  else
    echo "::group::Install a browser for $formats"
    installed="$(npx --yes @puppeteer/browsers install chrome@stable --path "${RUNNER_TEMP:-/tmp}/journey-browsers" | tail -n 1)" || exit 1
    echo "$installed"
    echo "::endgroup::"
    export CHROME_PATH="${installed#* }"
  fi
  # CI runners are throwaway machines, and GitHub's do not allow Chrome's sandbox.
  export JOURNEY_NO_SANDBOX=1
else
  echo "No browser needed for $formats"
fi

# --- validate, lint, build ----------------------------------------------------------------------
say "### journey"
say ""
say "| step | result |"
say "|---|---|"
ok=true

"${journey[@]}" validate "${maps[@]}" --reporter github
if [ $? -eq 0 ]; then
  say "| validate | ✓ every map is valid |"
else
  ok=false
  say "| validate | ✗ problems, shown on the maps' lines |"
fi

if [ "$ok" = true ] && [ "$lint" = true ]; then
  # lint repeats validate's problems, so it runs on valid maps only; its warnings never fail the step.
  lint_report="$("${journey[@]}" lint "${maps[@]}" --reporter github)"
  lint_code=$?
  [ -n "$lint_report" ] && printf '%s\n' "$lint_report"
  findings="$(grep -c '^::' <<<"$lint_report")"
  if [ $lint_code -ne 0 ]; then
    ok=false
    say "| lint | ✗ $findings findings, some of them errors |"
  else
    say "| lint | ✓ $findings findings (warnings) |"
  fi
elif [ "$lint" = true ]; then
  say "| lint | skipped: fix the problems validate found first |"
fi

documents=0
if [ "$ok" = true ]; then
  "${journey[@]}" build "${maps[@]}" --format "$formats" --out-dir "$out_dir" --reporter github
  [ $? -eq 0 ] || ok=false
  [ -d "$out_dir" ] && documents="$(find "$out_dir" -type f | wc -l | tr -d ' ')"
  if [ "$ok" = true ]; then say "| build | ✓ $documents documents ($formats) in \`$out_dir\` |"; else say "| build | ✗ some documents were not built |"; fi
else
  say "| build | skipped: fix the problems first |"
fi

output documents "$documents"
output ok "$ok"
[ "$ok" = true ]
