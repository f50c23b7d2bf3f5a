/**
 * What a recogniser says about one sheet. Each family (公开表, 自评表, 情况说明) has its own recogniser; the engine
 * asks them in turn and keeps the first that claims the sheet.
 */
import { Finding, TableSpan, TemplateId, Unit } from './findings';
import { SheetGrid } from './grid';

export interface Recognition<Model = unknown> {
  family: 'gongkai' | 'selfeval' | 'notes';
  template: TemplateId;
  variant?: string;
  /** The unit the sheet states; null when it states none (the engine may assume one, R-UNIT). */
  unit: Unit | null;
  marker?: string;
  tables?: TableSpan[];
  /** Reading findings found while recognising (R-LAYOUT, S-STR-02, …). */
  findings: Finding[];
  sheet: SheetGrid;
  model: Model;
}

/** A sheet no recogniser claimed, or one a recogniser positively rejected (e.g. 绩效目标表). */
export interface Rejection {
  reason: string;
}

export type RecognitionOutcome = Recognition | Rejection | null;

export function isRecognition(o: RecognitionOutcome): o is Recognition {
  return !!o && 'template' in o;
}
