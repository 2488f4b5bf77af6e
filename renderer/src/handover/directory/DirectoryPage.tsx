/**
 * The contact-point directory: every contact point of the Benelux brochure's section
 * 5, with its source and date, searchable (name, address, e-mail, website, notes; accents and case
 * ignored) and filtered by country and category. Administrators and coordinators correct entries, add
 * their own and hide those they do not use; their edits are kept apart from the shipped data.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country } from '../../../../shared/domain';
import { CATEGORY_LABELS, CONTACT_CATEGORIES, type ContactCategory } from '../../../../shared/directory/contact.schema';
import type { ContactFieldName } from '../../../../shared/directory/merge';
import type { ErrorPayload } from '../../../../shared/errors';
import type { DirectoryEntryView, DirectoryList } from '../../../../shared/handover/handover.ipc';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { call, toErrorPayload } from '../../api/client';
import { useConflict } from '../../team/useConflict';
import { useDataChanged } from '../../team/useDataChanged';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { notifySuccess } from '../../components/notify';
import { formatDate } from '../../format/date-format';
import { pick, useLanguage } from '../../format/labels';
import { ContactCard } from './ContactCard';
import { ContactForm } from './ContactForm';

interface DirectoryPageProps {
  user: SessionUser;
  country: Country;
}

type Editing = { entry: DirectoryEntryView | null } | null;

export function DirectoryPage({ user, country }: DirectoryPageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canEdit = user.role === 'admin' || user.role === 'coordinator';
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 150);
  const [countryFilter, setCountryFilter] = useState<Country | ''>('');
  const [category, setCategory] = useState<ContactCategory | ''>('');
  const [includeHidden, setIncludeHidden] = useState(false);
  const [list, setList] = useState<DirectoryList | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<DirectoryEntryView | null>(null);
  const request = useRef(0);

  const load = useCallback(async () => {
    const n = ++request.current;
    try {
      const result = await call('directory.list', {
        text: debouncedText,
        ...(countryFilter ? { country: countryFilter } : {}),
        ...(category ? { category } : {}),
        includeHidden,
      });
      if (n === request.current) {
        setList(result);
        setError(null);
      }
    } catch (e) {
      if (n === request.current) setError(toErrorPayload(e));
    }
  }, [debouncedText, countryFilter, category, includeHidden]);

  useEffect(() => {
    void load();
  }, [load]);
  // Edits made on other desktops; an open form keeps what is typed in it.
  useDataChanged(() => void load(), (channel) => channel.startsWith('directory.'));
  const conflict = useConflict();

  /** A change of `entry` made on the version shown; a stale one opens the conflict dialog. */
  async function act(entry: DirectoryEntryView, action: (version: number) => Promise<unknown>, message?: string) {
    setError(null);
    try {
      await conflict.save(
        entry.version,
        async (version) => {
          await action(version);
          if (message) notifySuccess(message);
          await load();
        },
        load,
      );
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }

  const resolve = (entry: DirectoryEntryView, field: ContactFieldName, choice: 'takeSeed' | 'keepMine') =>
    act(
      entry,
      (expectedVersion) => call('directory.resolveSeedChange', { id: entry.id, field, choice, expectedVersion }),
      t(choice === 'takeSeed' ? 'directory.tookSeed' : 'directory.keptMine'),
    );

  return (
    <Stack maw={1100} gap="md" data-testid="directory-page">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PageTitle>{t('directory.title')}</PageTitle>
          <Text>{t('directory.intro')}</Text>
          {list ? (
            <Text size="sm" c="dimmed" data-testid="directory-seed">
              {t('directory.seedInfo', {
                document: list.seed.document,
                sourceDate: list.seed.sourceDate.split('-').reverse().join('-'),
                date: formatDate(list.seed.date),
                version: list.seed.version,
              })}
            </Text>
          ) : null}
        </Stack>
        {canEdit ? (
          <Button onClick={() => setEditing({ entry: null })} data-testid="directory-add">
            {t('directory.add')}
          </Button>
        ) : null}
      </Group>

      {list && list.pendingSeedChanges > 0 ? (
        <Alert color="orange" variant="light" role="status" data-testid="directory-pending" styles={{ message: { color: '#6e2c00' } }}>
          {t('directory.pendingSeedChanges', { count: list.pendingSeedChanges })}
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, sm: 3 }} component="search" aria-label={t('directory.filters')}>
        <TextInput
          label={t('directory.search')}
          placeholder={t('directory.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          type="search"
        />
        <NativeSelect
          label={t('directory.country')}
          value={countryFilter}
          onChange={(e) => setCountryFilter(e.currentTarget.value as Country | '')}
          data={[{ value: '', label: t('directory.allCountries') }, ...COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))]}
        />
        <NativeSelect
          label={t('directory.category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as ContactCategory | '')}
          data={[
            { value: '', label: t('directory.allCategories') },
            ...CONTACT_CATEGORIES.map((c) => ({ value: c, label: pick(CATEGORY_LABELS[c], language) })),
          ]}
        />
      </SimpleGrid>
      <Group justify="space-between">
        <Text role="status" fw={600} data-testid="directory-count">
          {list ? t('directory.count', { count: list.entries.length }) : t('common.loading')}
        </Text>
        <Checkbox label={t('directory.includeHidden')} checked={includeHidden} onChange={(e) => setIncludeHidden(e.currentTarget.checked)} />
      </Group>

      <ErrorAlert error={error} testId="directory-error" />

      {list === null && !error ? <Loader aria-label={t('common.loading')} /> : null}
      {list && list.entries.length === 0 ? <Text c="dimmed">{t('directory.empty')}</Text> : null}
      <Stack gap="sm" data-testid="directory-list">
        {list?.entries.map((entry) => (
          <ContactCard
            key={entry.id}
            entry={entry}
            canEdit={canEdit}
            onEdit={() => setEditing({ entry })}
            onHide={(hidden) =>
              void act(
                entry,
                (expectedVersion) => call('directory.setHidden', { id: entry.id, hidden, expectedVersion }),
                t(hidden ? 'directory.hidden' : 'directory.shown', { name: entry.name }),
              )
            }
            onRemove={() => setRemoving(entry)}
            onResolve={(field, choice) => void resolve(entry, field, choice)}
          />
        ))}
      </Stack>

      {conflict.dialog}
      {editing ? (
        <ContactForm
          entry={editing.entry}
          defaultCountry={country}
          onClose={() => setEditing(null)}
          onReload={async () => {
            setEditing(null);
            await load();
          }}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      ) : null}

      {removing ? (
        <Modal opened onClose={() => setRemoving(null)} title={t('directory.removeTitle', { name: removing.name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Stack>
            <Text>{t('directory.removeExplanation')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button
                color="red.9"
                onClick={() => {
                  const entry = removing;
                  setRemoving(null);
                  void act(entry, (expectedVersion) => call('directory.remove', { id: entry.id, expectedVersion }), t('directory.removed', { name: entry.name }));
                }}
              >
                {t('directory.removeConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
