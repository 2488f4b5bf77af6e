/** A row problem of the spreadsheet import in the user's language (the rule's own message for a refusal). */
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain';
import type { RowProblem } from '../../../shared/import/import.schema';

export function problemText(t: TFunction, p: RowProblem, language: Language): string {
  return t(`spreadsheetImport.problems.${p.code}`, {
    column: p.column ?? p.field ?? '',
    value: p.value ?? '',
    event: p.event ?? '',
    cell: p.cell ?? '',
    caseCode: p.caseCode ?? '',
    otherRow: p.otherRow ?? '',
    rule: p.rule ? p.rule.message[language] || p.rule.message.en : '',
    source: p.rule?.source ?? '',
    interpolation: { escapeValue: false },
  });
}
