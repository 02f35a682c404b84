import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledRulesDir, packageRoot } from '../node/paths.js';
import { formatDiagnosticsText } from '../report/diagnostics.js';
import { CACHE_OPTIONS, cacheDirOf, cacheHelp } from '../cli/cache-options.js';
import { EXIT, UsageError, type CliIO } from '../cli/io.js';

export const SERVE_HELP = `Usage: cailiang serve [--rules <dir>] [--port <n>] [--host <address>]

Answers HTTP on the rule sets under --rules (default: the bundled ones), for
systems that are not JavaScript and for the playground page:

  POST /v1/evaluate         one case (JSON or YAML) → its disposition, the bytes
                            of evaluate --format json (?format=md|html, ?trace=false, ?asOf=)
  POST /v1/evaluate/batch   NDJSON cases → NDJSON results, streamed (?summary=true)
  POST /v1/audit            decided cases (NDJSON, or a JSON / YAML list) → audit report
  POST /v1/verify           {"files": {"index.yaml": "…", …}} → verify's diagnostics
  GET  /v1/rulesets[/<id>]  rule sets; one with its items, facts, circumstances
  GET  /v1/schema/<index|topic|case>   GET /healthz   GET /readyz   GET /openapi.json
  GET  /                    the playground (dist/playground/), or how to build it

Bad input gets a 4xx with the diagnostics the CLI prints. The rule folder is
reloaded when its files change (and on SIGHUP); a reload with errors keeps the
rule sets loaded before and says why on /readyz and in the log. One JSON line
per request on standard error. SIGTERM or SIGINT: stop accepting, let the
requests in flight finish, exit 0.

Options:
  -r, --rules <dir>       rule-set folder, or a folder of rule sets (default: bundled rules)
  -p, --port <n>          port (default 8080; 0 picks a free one, printed in the log)
  --host <address>        address to listen on (default 127.0.0.1, this machine only;
                          0.0.0.0 for every interface: put a proxy with TLS in front)
  --timeout <seconds>     most time to receive a request, and to answer a batch or
                          audit (default 30)
  --max-body <bytes>      largest body of /v1/verify and of an audit list (default
                          33554432); a case is at most 262144 bytes
  --no-watch              do not reload when files change (SIGHUP still reloads)
  --log-facts             also log each evaluated case (its facts) — off by default
${cacheHelp(24)}

Exit: 0 after a shutdown, 1 the rule sets do not load, 2 usage problem or the
port cannot be opened.
`;

function wholeNumber(raw: string, name: string, min: number, max: number): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} takes a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

export async function serveCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rules: { type: 'string', short: 'r' },
      port: { type: 'string', short: 'p', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      timeout: { type: 'string', default: '30' },
      'max-body': { type: 'string' },
      'no-watch': { type: 'boolean', default: false },
      'log-facts': { type: 'boolean', default: false },
      ...CACHE_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(SERVE_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments (got "${positionals[0]}"); the rule folder goes after --rules`);
  const port = wholeNumber(values.port, 'port', 0, 65535);
  const timeoutMs = wholeNumber(values.timeout, 'timeout', 1, 86_400) * 1000;
  const maxBodyBytes = values['max-body'] === undefined ? undefined : wholeNumber(values['max-body'], 'max-body', 1, 512 * 1024 * 1024);
  const cache = cacheDirOf(values);

  // The server's code (and the HTTP framework) loads only for this command.
  const { createServer, RulesNotLoaded } = await import('./server.js');
  let server: Awaited<ReturnType<typeof createServer>>;
  try {
    server = await createServer({
      rulesDir: values.rules ?? bundledRulesDir(),
      host: values.host,
      port,
      timeoutMs,
      ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
      ...(cache !== undefined ? { cache } : {}),
      watch: !values['no-watch'],
      logFacts: values['log-facts'],
      log: (line) => io.stderr(line),
      playgroundDir: join(packageRoot(), 'dist', 'playground'),
    });
  } catch (e) {
    if (e instanceof RulesNotLoaded) {
      io.stderr(formatDiagnosticsText(e.diagnostics));
      io.stderr(`cailiang serve: the rule sets did not load; nothing to serve\n`);
      return e.diagnostics.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
    }
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      io.stderr(`cailiang serve: cannot listen on ${values.host}:${port} (${code})\n`);
      return EXIT.usage;
    }
    throw e;
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        // A second signal: do not wait any longer.
        io.stderr(JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'stopped without waiting', signal }) + '\n');
        process.exit(EXIT.ok);
      }
      stopping = true;
      io.stderr(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down: requests in flight finish', signal }) + '\n');
      process.off('SIGHUP', hup);
      server.close().then(
        () => {
          io.stderr(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'stopped' }) + '\n');
          resolve(EXIT.ok);
        },
        () => resolve(EXIT.internal),
      );
    };
    const hup = () => void server.store.reload();
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGHUP', hup);
  });
}
