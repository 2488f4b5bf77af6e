/**
 * Choosing a file from disk: a real, focusable <input type="file"> (hidden visually, so its button
 * does not speak the browser's language) with a visible button and the chosen file's name. The file
 * is handed over at once; `busy` shows the work done with it (reading, checking) as progress.
 */
import { useId, useState } from 'react';
import { Input, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fileSize, useLanguage } from '../../format/labels';

export type Busy = { label: string; percent: number | null } | null;

interface FilePickerProps {
  label: string;
  description?: string;
  /** The file types offered first in the dialog, e.g. ".handover". */
  accept?: string;
  buttonText: string;
  onFile: (file: File) => void;
  busy?: Busy;
  error?: string | null;
  testId?: string;
  disabled?: boolean;
}

export function FilePicker({ label, description, accept, buttonText, onFile, busy = null, error, testId, disabled }: FilePickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [chosen, setChosen] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const describedBy = [description ? `${id}-description` : null, `${id}-chosen`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <Stack gap={6}>
      <Input.Wrapper label={label} description={description} error={error} id={id} labelProps={{ id: `${id}-label` }}>
        <div className="file-picker">
          <input
            key={inputKey}
            id={id}
            type="file"
            accept={accept}
            className="file-picker-input"
            aria-labelledby={`${id}-label`}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            disabled={disabled || busy !== null}
            data-testid={testId}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0] ?? null;
              setChosen(file);
              // A new input each time, so choosing the same file again is noticed.
              setInputKey((k) => k + 1);
              if (file) onFile(file);
            }}
          />
          <label htmlFor={id} className="file-picker-button" aria-hidden="true">
            {buttonText}
          </label>
          <Text size="sm" id={`${id}-chosen`} className="file-picker-name">
            {chosen ? `${chosen.name} (${fileSize(chosen.size, language)})` : t('attachments.noFileChosen')}
          </Text>
        </div>
      </Input.Wrapper>
      {busy ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">{busy.label}</Text>
          <Progress
            value={busy.percent ?? 100}
            animated={busy.percent === null}
            striped={busy.percent === null}
            aria-label={busy.label}
            data-testid={testId ? `${testId}-progress` : undefined}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
