import type { DiagnosticCode, DiagnosticData } from '../diagnostics/index.js';
import { isIsoDate, MONEY_LIMIT_YUAN } from '../schema/primitives.js';
import type { FactDef, ScalarValue } from './model.js';
import { dayNumber, durationMinutes, yuanToFen } from './units.js';

export type Converted = { ok: true; value: ScalarValue } | { ok: false; code: DiagnosticCode; data: DiagnosticData };

function describe(v: unknown): string {
  if (typeof v === 'string') return `the string "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${String(v)}`;
}

const EXPECT: Record<FactDef['type'], string> = {
  money: 'an amount in yuan, e.g. 5000 or 4999.5',
  count: 'a whole number ≥ 0',
  ratio: 'a number from 0 to 1, e.g. 0.1 for 10%',
  number: 'a number',
  boolean: 'true or false',
  enum: 'one of the declared values',
  date: 'a date YYYY-MM-DD',
  duration: 'an ISO 8601 duration such as PT4H or P2D',
};

function mismatch(def: FactDef, v: unknown): Converted {
  const hintDetail =
    def.type === 'enum' && def.values ? `use one of: ${def.values.join(', ')}` : `use ${EXPECT[def.type]}`;
  return { ok: false, code: 'FACT_TYPE_MISMATCH', data: { fact: def.name, type: def.type, value: describe(v), hintDetail } };
}

/**
 * Converts a value written in a file (rule condition or case) to internal
 * units for a fact of the given type: money → fen, dates → day numbers,
 * durations → minutes.
 */
export function convertFactValue(def: FactDef, v: unknown): Converted {
  switch (def.type) {
    case 'money': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return mismatch(def, v);
      if (v < 0) return { ok: false, code: 'MONEY_NEGATIVE', data: { value: v } };
      if (v > MONEY_LIMIT_YUAN) return { ok: false, code: 'MONEY_TOO_LARGE', data: { value: v, limit: MONEY_LIMIT_YUAN } };
      // Exact for doubles (an absolute tolerance refused e.g. 134217728.02, above 2^27 yuan).
      if (Math.round(v * 100) / 100 !== v) return { ok: false, code: 'MONEY_PRECISION', data: { value: v } };
      return { ok: true, value: yuanToFen(v) };
    }
    case 'count':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return mismatch(def, v);
      return { ok: true, value: v };
    case 'ratio':
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) return mismatch(def, v);
      return { ok: true, value: v };
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e15) return mismatch(def, v);
      return { ok: true, value: v };
    case 'boolean':
      if (typeof v !== 'boolean') return mismatch(def, v);
      return { ok: true, value: v };
    case 'enum':
      if (typeof v !== 'string' || !(def.values ?? []).includes(v)) return mismatch(def, v);
      return { ok: true, value: v };
    case 'date':
      if (typeof v !== 'string') return mismatch(def, v);
      if (!isIsoDate(v)) return { ok: false, code: 'INVALID_DATE', data: { value: v } };
      return { ok: true, value: dayNumber(v) };
    case 'duration': {
      if (typeof v !== 'string') return mismatch(def, v);
      const m = durationMinutes(v);
      if (m === undefined)
        return {
          ok: false,
          code: 'INVALID_DURATION',
          data: { value: v, detail: ' for a duration fact (years and months have no fixed length; use days or hours)' },
        };
      return { ok: true, value: m };
    }
  }
}

/** Which operators apply to which fact type. */
export function operatorAllowed(type: FactDef['type'], operator: string): boolean {
  if (type === 'boolean') return operator === 'equal' || operator === 'notEqual';
  if (type === 'enum') return ['equal', 'notEqual', 'in', 'notIn'].includes(operator);
  return true;
}
