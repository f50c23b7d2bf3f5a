// pako 1.0 (already shipped inside jszip) has no typings of its own; only what the reader and the patcher use.
declare module 'pako/lib/inflate' {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    push(data: Uint8Array, mode?: boolean | number): boolean;
    err: number;
    msg: string;
    ended: boolean;
  }
  export function inflateRaw(data: Uint8Array): Uint8Array;
}

declare module 'pako/lib/deflate' {
  export function deflateRaw(data: Uint8Array, options?: { level?: number }): Uint8Array;
}

// exceljs's own formula mover (plain JS, no Node API): moves a formula's relative references from one cell to another.
declare module 'exceljs/lib/utils/shared-formula' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
