// Labelled form fields for settings: a number typed freely and checked when the field is
// left or Enter is pressed (a bad value is refused with a message and the stored one kept),
// a select and a checkbox. Shared by the training and dataset panels.
import { useEffect, useId, useState, type ReactNode } from 'react';

export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
  /** Allow an empty field, committed as null (e.g. "clip norm: off"). */
  optional?: boolean;
  /** min itself is not allowed (e.g. a learning rate > 0). */
  exclusiveMin?: boolean;
}

export type Checked = { ok: true; value: number | null } | { ok: false; message: string };

/** Pure: checks a typed number against its rule. */
export function checkNumber(text: string, rule: NumberRule): Checked {
  const t = text.trim();
  if (t === '') return rule.optional ? { ok: true, value: null } : { ok: false, message: 'Enter a number.' };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, message: `'${t.slice(0, 20)}' is not a number.` };
  if (rule.integer && !Number.isInteger(v)) return { ok: false, message: 'Enter a whole number.' };
  const low = rule.exclusiveMin ? v <= rule.min : v < rule.min;
  if (low || v > rule.max) {
    return { ok: false, message: `Enter a number ${rule.exclusiveMin ? 'above' : 'from'} ${rule.min} ${rule.exclusiveMin ? 'up to' : 'to'} ${rule.max}.` };
  }
  return { ok: true, value: v };
}

interface NumberFieldProps {
  label: string;
  value: number | null;
  rule: NumberRule;
  onCommit(value: number | null): void;
  help?: string;
  placeholder?: string;
  disabled?: boolean;
}

export function NumberField({ label, value, rule, onCommit, help, placeholder, disabled }: NumberFieldProps) {
  const id = useId();
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(shown);
    setError(null);
  }, [shown]);

  const commit = () => {
    if (draft.trim() === shown) {
      setError(null);
      return;
    }
    const r = checkNumber(draft, rule);
    if (r.ok) {
      setError(null);
      onCommit(r.value);
    } else {
      setError(`${r.message} Kept ${shown || 'empty'}.`);
    }
  };
  const describedBy = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={rule.integer ? 'numeric' : 'decimal'}
        value={draft}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(shown);
            setError(null);
          }
        }}
      />
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  disabled?: boolean;
  help?: ReactNode;
}

export function SelectField<T extends string>({ label, value, options, onChange, disabled, help }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
    </div>
  );
}

export function CheckField({ label, checked, onChange, disabled }: { label: string; checked: boolean; onChange(v: boolean): void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
