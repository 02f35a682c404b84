import { cli } from './cli.js';
import { EXIT } from './io.js';

// A reader that stops early (`cailiang evaluate … | head -1`) closes the pipe:
// the rest of the report is not wanted, which is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    process.exitCode = EXIT.usage;
  });
}

const io = {
  stdout: (s: string) => void process.stdout.write(s),
  stderr: (s: string) => void process.stderr.write(s),
  stdin: () => process.stdin,
  stderrIsTTY: process.stderr.isTTY === true,
};

cli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A thrown error is a bug in cailiang, never the user's fault: no stack trace.
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(`cailiang: internal error (${detail}). Please report it with the command you ran.\n`);
    if (process.env.CAILIANG_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = EXIT.internal;
  },
);
