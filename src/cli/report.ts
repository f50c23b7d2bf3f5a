/** The text report: a Chinese table per workbook and sheet (表, 单元格, 规则, 填报数, 应为, 差额, 类型). */
import { CheckResult, Finding, SEVERITY_LABEL, TEMPLATE_LABEL } from '../core/findings';
import stringWidth from 'string-width';
import { nextStep, showFigure, showMessage, shownDifference, variantLabel } from '../core/present';

/**
 * Display width in a terminal, by string-width (its CommonJS major): CJK and full-width characters take two
 * columns, combining marks none, emoji two — the hand-written ranges missed the last two.
 */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function countBySeverity(findings: Finding[]): Record<Finding['severity'], number> {
  const counts = { error: 0, rounding: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function textReport(result: CheckResult, options: { showInfo?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`工作簿：${result.file}`);
  const counts = countBySeverity(result.findings);
  out.push(`  错误 ${counts.error} 处，尾数误差 ${counts.rounding} 处，提示 ${counts.warning} 处，说明 ${counts.info} 条`);
  out.push('');
  out.push('识别结果：');
  for (const s of result.sheets) {
    if (s.template) {
      const variant = s.variant ? `（${variantLabel(s.variant)}）` : '';
      out.push(`  ${s.name}：${TEMPLATE_LABEL[s.template]}${variant}${s.unit ? `，单位 ${s.unit}` : ''}`);
      if (s.evidence?.length) out.push(`    依据：${s.evidence.join('；')}`);
    } else {
      out.push(`  ${s.name}：${s.reason ?? '未识别'}`);
      if (s.candidate) out.push(`    最接近：${TEMPLATE_LABEL[s.candidate.template]}（${s.candidate.evidence.join('；') || '无明显依据'}），缺少：${s.candidate.lacks || '—'}`);
    }
  }
  const shown = result.findings.filter((f) => options.showInfo || f.severity !== 'info');
  const bySheet = new Map<string, Finding[]>();
  for (const f of shown) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  for (const [sheet, findings] of bySheet) {
    out.push('');
    out.push(`【${sheet}】`);
    const rows = findings.map((f) => {
      // A reading note (说明) reports how a cell was read: it has no 应为 and no 差额.
      const reading = f.severity === 'info' && !f.rule.startsWith('S-ADV-');
      const step = nextStep(f);
      return [
        f.cell ?? '（整表）',
        f.rule,
        showFigure(f.stated),
        reading ? '' : showFigure(f.expected),
        reading ? '' : (shownDifference(f) ?? ''),
        SEVERITY_LABEL[f.severity],
        showMessage(f.message) + (step ? `；建议：${step}` : ''),
      ];
    });
    out.push(formatTable(['单元格', '规则', '填报数', '应为', '差额', '类型', '说明'], rows));
  }
  if (shown.length === 0) {
    out.push('');
    out.push('未发现错误、尾数误差或提示。');
  }
  if (!options.showInfo && counts.info > 0) {
    out.push('');
    out.push(`另有 ${counts.info} 条读数说明（用 --info 显示）。`);
  }
  return out.join('\n') + '\n';
}
