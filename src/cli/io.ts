/** What a command is given and returns: the CLI's contract, kept apart from main.ts so no command imports main. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;
