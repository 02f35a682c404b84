#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, installed into fresh ESM, CommonJS
# and TypeScript (node10 and nodenext resolution) projects; both entries
# imported, a case evaluated, and the commands the README shows run from the
# install (demo, test, evaluate from standard input, a closed pipe).
# Usage: bash test/pack/smoke.sh   (after npm run build)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/cailiang-pack-XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "pack smoke test: $*" >&2; exit 1; }

cd "$ROOT"
[ -f dist/cli.js ] || fail "dist/ is not built (npm run build)"
TARBALL="$TMP/$(npm pack --ignore-scripts --silent --pack-destination "$TMP" | tail -1)"
[ -f "$TARBALL" ] || fail "npm pack made no tarball"
CASE="$ROOT/fixtures/cn-samr-food/expired-food-value-500-first-offence.yaml"

install_into() { # dir type
  mkdir -p "$1"
  printf '{ "name": "smoke-%s", "version": "1.0.0", "private": true, "type": "%s" }\n' "$2" "$2" > "$1/package.json"
  (cd "$1" && npm install --no-audit --no-fund --prefer-offline --loglevel=error "$TARBALL" > /dev/null) || fail "npm install of the tarball failed in $1"
}

# ── ESM ──
install_into "$TMP/esm" module
cat > "$TMP/esm/smoke.js" <<'JS'
import { loadCase, evaluate, VERSION } from 'cailiang';
import { loadRuleSetDir, bundledRulesDir } from 'cailiang/node';
import { toJsonRulesEngineRules } from 'cailiang/json-rules-engine';
const { ruleSet, diagnostics } = await loadRuleSetDir(`${bundledRulesDir()}/cn-samr-food`);
if (!ruleSet) throw new Error(`bundled rule set did not load: ${JSON.stringify(diagnostics[0])}`);
const { case: c } = loadCase({ value: { id: 'A-1', item: 'SPAQF-124-1-5', party: { kind: 'organization' },
  dates: { act: '2025-03-01', discovered: '2025-03-10' }, facts: { goodsValue: 4000 }, circumstances: ['harmSerious'] } }, ruleSet);
const d = evaluate(ruleSet, c);
if (d.outcome !== 'penalty') throw new Error(`outcome ${d.outcome}`);
if (toJsonRulesEngineRules(ruleSet, 'SPAQF-124-1-5').length === 0) throw new Error('no json-rules-engine rules');
console.log(`esm ok ${VERSION} ${d.outcome} ${d.penalties.find((p) => p.kind === 'fine')?.recommended}`);
JS
(cd "$TMP/esm" && node smoke.js) || fail "ESM import and evaluate failed"

# ── CommonJS ──
install_into "$TMP/cjs" commonjs
cat > "$TMP/cjs/smoke.js" <<'JS'
const { loadCase, evaluate } = require('cailiang');
const { loadRuleSetDir, bundledRulesDir } = require('cailiang/node');
const { evaluateWithJsonRulesEngine } = require('cailiang/json-rules-engine');
(async () => {
  const { ruleSet } = await loadRuleSetDir(`${bundledRulesDir()}/cn-samr-food`);
  const { case: c } = loadCase({ value: { id: 'A-1', item: 'SPAQF-124-1-5', party: { kind: 'organization' },
    dates: { act: '2025-03-01', discovered: '2025-03-10' }, facts: { goodsValue: 4000 }, circumstances: ['harmSerious'] } }, ruleSet);
  const d = evaluate(ruleSet, c);
  const j = await evaluateWithJsonRulesEngine(ruleSet, c);
  if (d.outcome !== 'penalty' || j.outcome !== d.outcome) throw new Error(`outcome ${d.outcome} / ${j.outcome}`);
  console.log(`cjs ok ${d.outcome}`);
})().catch((e) => { console.error(e); process.exit(1); });
JS
(cd "$TMP/cjs" && node smoke.js) || fail "CommonJS require and evaluate failed"

# ── TypeScript: the types resolve under node10 and nodenext ──
cat > "$TMP/cjs/smoke-types.ts" <<'TS'
import { evaluate, type Disposition, type RuleSet, type ScalarValue, type AuditSeverity } from 'cailiang';
import { loadRuleSetDir } from 'cailiang/node';
import { toJsonRulesEngineRules } from 'cailiang/json-rules-engine';
export async function check(dir: string): Promise<Disposition['outcome'] | undefined> {
  const r: { ruleSet?: RuleSet } = await loadRuleSetDir(dir);
  const v: ScalarValue = 1;
  const s: AuditSeverity = 'error';
  void v; void s; void toJsonRulesEngineRules; void evaluate;
  return r.ruleSet ? 'penalty' : undefined;
}
TS
for res in node10 nodenext; do
  mod=$([ "$res" = node10 ] && echo commonjs || echo nodenext)
  printf '{ "compilerOptions": { "module": "%s", "moduleResolution": "%s", "strict": true, "noEmit": true, "types": [], "lib": ["ES2022"], "skipLibCheck": false }, "files": ["smoke-types.ts"] }\n' "$mod" "$res" > "$TMP/cjs/tsconfig.json"
  (cd "$TMP/cjs" && node "$ROOT/node_modules/typescript/bin/tsc" -p tsconfig.json) || fail "TypeScript ($res) could not use the types"
  echo "types ok ($res)"
done

# ── the CLI from the install ──
cd "$TMP/esm"
[ "$(npx --no-install cailiang --version)" = "$(node -p "require('$ROOT/package.json').version")" ] || fail "cailiang --version"
# demo and test run from the install: exit 0, or 1 when a bundled fixture fails (whether the
# bundled data is right is npm test's to check: test/cli/bundled.test.ts); never 2 (no fixture
# folder, as before fixtures/ shipped) or 3 (an internal error).
ran() { # name code
  [ "$2" = 0 ] || [ "$2" = 1 ] || fail "cailiang $1 exited $2 ($(head -3 "$1.err"))"
  ! grep -q 'internal error' "$1.err" || fail "cailiang $1: $(head -3 "$1.err")"
}
set +e
npx --no-install cailiang demo > demo.out 2> demo.err; ran demo $?
npx --no-install cailiang test > test.out 2> test.err; ran test $?
set -e
grep -q '示例案件' demo.out || fail "cailiang demo printed no sample cases"
grep -qE '^[0-9]{3,} passed, [0-9]+ failed$' test.out || fail "cailiang test: $(tail -1 test.out)"
echo "from the install: $(tail -1 test.out)"
npx --no-install cailiang evaluate - < "$CASE" > eval.out || fail "cailiang evaluate - exited $?"
grep -q '行政处罚裁量建议' eval.out || fail "cailiang evaluate - printed no report"
set +o pipefail
npx --no-install cailiang evaluate "$CASE" "$CASE" "$CASE" 2> pipe.err | head -c 10 > /dev/null
code=${PIPESTATUS[0]}
set -o pipefail
[ "$code" = 0 ] && [ ! -s pipe.err ] || fail "a closed pipe: exit $code, stderr $(head -3 pipe.err)"
npx --no-install cailiang > /dev/null 2> bare.err && fail "bare cailiang exited 0"
grep -q 'Usage: cailiang' bare.err || fail "bare cailiang printed no usage on stderr"
echo "cli ok (demo, test, evaluate -, closed pipe, bare usage)"

# ── cailiang serve from the install: answers on loopback, stops on SIGTERM ──
node node_modules/cailiang/dist/cli.js serve --port 0 --no-watch 2> serve.err &
SERVE_PID=$!
URL=""
for _ in $(seq 1 300); do
  URL=$(grep -o '"msg":"listening","url":"[^"]*"' serve.err | sed 's/.*"url":"//; s/"$//' || true)
  [ -n "$URL" ] && break
  kill -0 "$SERVE_PID" 2> /dev/null || fail "cailiang serve exited: $(head -3 serve.err)"
  sleep 0.2
done
[ -n "$URL" ] || { kill "$SERVE_PID"; fail "cailiang serve did not listen: $(head -3 serve.err)"; }
node -e "
const base = process.argv[1];
(async () => {
  const doc = await (await fetch(base + '/openapi.json')).json();
  if (doc.openapi !== '3.1.0') throw new Error('no OpenAPI document');
  const r = await fetch(base + '/v1/evaluate', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: require('fs').readFileSync(process.argv[2]) });
  const d = await r.json();
  if (r.status !== 200 || !d.outcome) throw new Error('evaluate: ' + r.status);
  const page = await (await fetch(base + '/')).text();
  if (!page.includes('<html')) throw new Error('no page at /');
})().catch((e) => { console.error(e.message); process.exit(1); });
" "$URL" "$CASE" || { kill "$SERVE_PID"; fail "cailiang serve did not answer"; }
kill -TERM "$SERVE_PID"
wait "$SERVE_PID" || fail "cailiang serve exited $? after SIGTERM"
echo "serve ok ($URL: /openapi.json, /v1/evaluate, /; exit 0 on SIGTERM)"
echo "pack smoke test: ok"
