import { printableText } from '../report/printable.js';
import { refuseOutput, writeFileAtomic, type OutputGuard } from '../node/write.js';
import { EXIT, type CliIO } from './io.js';

/** Where a command's report goes: standard output, or a file given with --output. */
export interface Output {
  /** Report text (not messages: those go to io.stderr). */
  stdout(text: string): void;
  /** Writes the file, when there is one and something to write; returns the exit code. */
  finish(exit: number): Promise<number>;
}

/**
 * Opens the report destination of `command`. With `--output <file>` the report
 * is collected and written atomically at the end (nothing is written when there
 * is no report); the file may not be an input nor lie in a rules folder, in
 * which case this returns exit code 2 after saying why.
 */
export async function openOutput(command: string, file: string | undefined, io: CliIO, guard: OutputGuard): Promise<Output | number> {
  if (file === undefined) return { stdout: (s) => io.stdout(s), finish: async (exit) => exit };
  const refused = await refuseOutput(file, guard);
  if (refused) {
    io.stderr(`cailiang ${command}: refusing to write --output ${file}: ${refused}\n`);
    return EXIT.usage;
  }
  let text = '';
  return {
    stdout: (s) => void (text += s),
    async finish(exit) {
      if (text === '') return exit;
      try {
        await writeFileAtomic(file, printableText(text));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException)?.code;
        io.stderr(`cailiang ${command}: could not write ${file} (${code ?? (e instanceof Error ? e.message : String(e))}); nothing was changed\n`);
        return EXIT.usage;
      }
      return exit;
    },
  };
}
