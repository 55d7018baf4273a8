/** Where the CLI writes: process streams in production, arrays in tests (no subprocess per case). */
export type Io = { out: (text: string) => void; err: (text: string) => void };

export const processIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};
