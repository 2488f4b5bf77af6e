/**
 * One contact point: name, country, category, every way to reach it, and where it comes from (the
 * brochure's section, or "added by your organisation"). Fields the organisation corrected are named;
 * when a newer directory changed a field the organisation had corrected, a note shows both values and
 * lets the user take the new one or keep theirs.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, SEED_DOCUMENT } from '../../../../shared/directory/contact.schema';
import type { ContactFieldName } from '../../../../shared/directory/merge';
import type { DirectoryEntryView } from '../../../../shared/handover/handover.ipc';
import { pick, useLanguage } from '../../format/labels';
import '../handover.css';

interface ContactCardProps {
  entry: DirectoryEntryView;
  canEdit: boolean;
  onEdit: () => void;
  onHide: (hidden: boolean) => void;
  onRemove: () => void;
  onResolve: (field: ContactFieldName, choice: 'takeSeed' | 'keepMine') => void;
}

function valueText(value: unknown, none: string): string {
  if (value === null || value === undefined) return none;
  if (Array.isArray(value)) return value.length === 0 ? none : value.map(String).join(', ');
  return String(value);
}

export function ContactCard({ entry, canEdit, onEdit, onHide, onRemove, onResolve }: ContactCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `contact-${entry.id}`;
  const fieldName = (f: ContactFieldName) => t(`directory.fields.${f}`);

  const rows: { label: string; values: string[] }[] = [
    { label: t('directory.fields.address'), values: entry.address ? [entry.address] : [] },
    { label: t('directory.fields.postalAddress'), values: entry.postalAddress ? [entry.postalAddress] : [] },
    { label: t('directory.fields.phones'), values: entry.phones },
    { label: t('directory.fields.faxes'), values: entry.faxes },
    { label: t('directory.fields.emails'), values: entry.emails },
    { label: t('directory.fields.websites'), values: entry.websites },
    { label: t('directory.fields.notes'), values: entry.notes ? [entry.notes] : [] },
  ].filter((r) => r.values.length > 0);

  return (
    <Paper
      component="article"
      withBorder
      p="md"
      className="contact-card"
      aria-labelledby={headingId}
      data-testid={`contact-${entry.id}`}
      bg={entry.hidden ? 'gray.1' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} miw={0}>
            <Title order={3} size="h4" id={headingId}>
              {entry.name}
            </Title>
            <Group gap="xs">
              <Badge variant="filled" color="indigo.8">
                {t(`countries.${entry.country}`)}
              </Badge>
              <Badge variant="outline" color="dark">
                {pick(CATEGORY_LABELS[entry.category], language)}
              </Badge>
              {entry.hidden ? (
                <Badge variant="filled" color="gray.8">
                  {t('directory.hiddenBadge')}
                </Badge>
              ) : null}
            </Group>
          </Stack>
          {canEdit ? (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={onEdit} aria-label={t('directory.editOf', { name: entry.name })}>
                {t('directory.edit')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => onHide(!entry.hidden)}
                aria-label={entry.hidden ? t('directory.showOf', { name: entry.name }) : t('directory.hideOf', { name: entry.name })}
              >
                {entry.hidden ? t('directory.show') : t('directory.hide')}
              </Button>
              {entry.origin === 'user' ? (
                <Button size="xs" variant="outline" color="red.9" onClick={onRemove} aria-label={t('directory.removeOf', { name: entry.name })}>
                  {t('directory.remove')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>

        {rows.length > 0 ? (
          <dl>
            {rows.map((r) => (
              <div key={r.label} style={{ display: 'contents' }}>
                <dt>{r.label}</dt>
                <dd className="pre-line">{r.values.join('\n')}</dd>
              </div>
            ))}
          </dl>
        ) : null}

        {entry.seedChanges.map((change) => (
          <Alert
            key={change.field}
            color="orange"
            variant="light"
            title={t('directory.seedChangedTitle', { field: fieldName(change.field) })}
            styles={{ title: { color: '#6e2c00' } }}
            data-testid={`seed-change-${entry.id}-${change.field}`}
          >
            <Stack gap={6}>
              <Text size="sm">{t('directory.seedChangedBody')}</Text>
              <Text size="sm">{t('directory.seedValueNow', { value: valueText(change.seedValue, t('common.none')) })}</Text>
              <Text size="sm">{t('directory.seedValueBefore', { value: valueText(change.baseValue, t('common.none')) })}</Text>
              <Text size="sm" fw={600}>
                {t('directory.yourValue', { value: valueText(change.userValue, t('common.none')) })}
              </Text>
              {canEdit ? (
                <Group gap="xs">
                  <Button size="xs" onClick={() => onResolve(change.field, 'takeSeed')}>
                    {t('directory.takeSeed')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => onResolve(change.field, 'keepMine')}>
                    {t('directory.keepMine')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Alert>
        ))}

        <Text size="sm" c="dimmed" data-testid={`contact-source-${entry.id}`}>
          {entry.source
            ? t('directory.source', { document: SEED_DOCUMENT, section: entry.source.section, heading: entry.source.heading })
            : t('directory.sourceUser')}
          {entry.overridden.length > 0 ? ` ${t('directory.editedFields', { fields: entry.overridden.map(fieldName).join(', ') })}` : ''}
        </Text>
        {entry.seedRemoved ? (
          <Text size="sm" fw={600}>
            {t('directory.seedRemoved')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
