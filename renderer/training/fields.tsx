// Labelled form fields for settings: a number typed freely and checked when the field is
// left or Enter is pressed (a bad value is refused with a message and the stored one kept),
// a select and a checkbox. Shared by the training and dataset panels.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { boundSaid, inBound, readDecimal, render, type Language, type NumberBound } from '../../core/index';
import { i18next, t } from '../i18n';

/** A field's range (core's bounds where the setting has one) and whether it may be left empty. */
export interface NumberRule extends NumberBound {
  /** Allow an empty field, committed as null (e.g. "clip norm: off"). */
  optional?: boolean;
}

export type Checked = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * Pure: checks a typed number against its rule; the message names the field and its range, in
 * the app's language at the moment of the check (the field shows it at once).
 */
export function checkNumber(text: string, rule: NumberRule, label = t('checks.fields.theValue')): Checked {
  const range = render(boundSaid(rule), i18next.language as Language);
  const r = readDecimal(text);
  if (!r.ok) {
    if (r.reason === 'empty') return rule.optional ? { ok: true, value: null } : { ok: false, message: t('checks.fields.empty', { label, range }) };
    const typed = text.trim().slice(0, 20);
    return { ok: false, message: t(r.reason === 'too-large' ? 'checks.fields.tooLarge' : 'checks.fields.notNumber', { typed, label, range }) };
  }
  return inBound(r.value, rule) ? { ok: true, value: r.value } : { ok: false, message: t('checks.fields.outOfRange', { label, range }) };
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
  return (
    <ParsedField
      label={label}
      shown={value === null ? '' : String(value)}
      parse={(text) => checkNumber(text, rule, label)}
      onCommit={onCommit}
      help={help}
      placeholder={placeholder}
      disabled={disabled}
      inputMode={rule.integer ? 'numeric' : 'decimal'}
    />
  );
}

interface ParsedFieldProps<T> {
  label: string;
  /** The stored value as the field shows it ('' for none). */
  shown: string;
  parse(text: string): { ok: true; value: T } | { ok: false; message: string };
  onCommit(value: T): void;
  help?: string;
  placeholder?: string;
  disabled?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
}

/**
 * A value typed freely and checked when the field is left or Enter is pressed; Escape puts the
 * stored value back. A value `parse` refuses is not committed: its message says why and that the
 * stored value was kept.
 */
export function ParsedField<T>({ label, shown, parse, onCommit, help, placeholder, disabled, inputMode }: ParsedFieldProps<T>) {
  const id = useId();
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
    const r = parse(draft);
    if (r.ok) {
      setError(null);
      onCommit(r.value);
    } else {
      setError(t('checks.fields.kept', { message: r.message, kept: shown || placeholder || t('checks.fields.emptyValue') }));
    }
  };
  const describedBy = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
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
