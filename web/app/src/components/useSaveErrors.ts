import type { FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, localizedMessage } from '../api/api-error';
import { applyFieldErrors, type FieldAliases } from './form-errors';

interface SaveErrors {
  error: unknown;
  /** Field errors no form item could show (for the alert's list). */
  unmatched: string[];
  /** Some error landed on a field, which scrolled into view: the alert need not. */
  onField: boolean;
}

const NONE: SaveErrors = { error: null, unmatched: [], onField: false };

/**
 * The console's one form error idiom: the failure of the last save, its field errors put on the
 * form's items (`form.setFields`, through applyFieldErrors), and what no item could show, for
 * the SaveErrorAlert above the form. `aliases` maps API fields onto differently named items.
 * `fail` and `reset` keep their identity across renders, so effects may depend on them.
 */
export function useSaveErrors(form: FormInstance, aliases: FieldAliases = {}) {
  const { t } = useTranslation();
  const [state, setState] = useState<SaveErrors>(NONE);
  const aliasesRef = useRef(aliases);
  aliasesRef.current = aliases;

  const fail = useCallback(
    (error: unknown, fallbackField?: string) => {
      let unmatched = applyFieldErrors(form, error, aliasesRef.current);
      let onField = error instanceof ApiError && Object.keys(error.fields).length > unmatched.length;
      // A conflict without field details (e.g. a duplicate e-mail) is also shown on its field.
      if (
        fallbackField &&
        error instanceof ApiError &&
        error.status === 409 &&
        !error.isVersionConflict &&
        Object.keys(error.fields).length === 0 &&
        error.code.toLowerCase().includes(fallbackField.toLowerCase())
      ) {
        form.setFields([{ name: fallbackField, errors: [localizedMessage(error, t)] }]);
        form.scrollToField(fallbackField, { block: 'center' });
        unmatched = [];
        onField = true;
      }
      setState({ error, unmatched, onField });
    },
    [form, t],
  );
  const reset = useCallback(() => setState(NONE), []);

  return { ...state, fail, reset };
}
