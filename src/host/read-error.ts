/**
 * The one error a workbook reader throws: a Chinese sentence for the accountant and the kind of failure, so a folder
 * run can count and sort its failures (the `errorKind` of the findings contract).
 */
export type ReadErrorKind = 'unreadable' | 'refused' | 'not-xlsx' | 'missing' | 'timeout' | 'unrecognised';

export class WorkbookReadError extends Error {
  /**
   * `scannedBytes`: how many bytes the pre-scan had inflated when it stopped — evidence that a refusal came at the
   * limit and not after reading the whole part (the tests assert it; timings belong in the bench).
   */
  constructor(
    message: string,
    readonly kind: ReadErrorKind = 'unreadable',
    readonly scannedBytes?: number,
  ) {
    super(message);
  }
}
