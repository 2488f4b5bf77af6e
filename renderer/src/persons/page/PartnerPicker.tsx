/**
 * Picks the partner a sharing consent names: a verified partner organisation (by its organisation id,
 * which the export's consent check compares) or a contact-directory entry, searched as you type. The
 * value is `org:<orgId>` or `contact:<contactId>`; the name stored is the key card's or the
 * directory's, never typed.
 */
import { useEffect, useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntryView, PartnerView } from '../../../../shared/handover/handover.ipc';
import { call } from '../../api/client';

export type PartnerChoice = { partnerOrgId: string } | { partnerContactId: string } | null;

/** The consent input fields for a picker value ('' or unknown: none). */
export function partnerChoiceOf(value: string): PartnerChoice {
  if (value.startsWith('org:')) return { partnerOrgId: value.slice(4) };
  if (value.startsWith('contact:')) return { partnerContactId: value.slice(8) };
  return null;
}

type PartnerPickerProps = Omit<SelectProps, 'data' | 'searchable'>;

export function PartnerPicker(props: PartnerPickerProps) {
  const { t } = useTranslation();
  const [partners, setPartners] = useState<PartnerView[]>([]);
  const [entries, setEntries] = useState<DirectoryEntryView[]>([]);

  useEffect(() => {
    let live = true;
    void call('partners.list', {})
      .then((list) => live && setPartners(list))
      .catch(() => live && setPartners([]));
    void call('directory.list', { text: '' })
      .then((list) => live && setEntries(list.entries))
      .catch(() => live && setEntries([]));
    return () => {
      live = false;
    };
  }, []);

  const data = useMemo(() => {
    const verified = partners.filter((p) => p.status === 'verified');
    return [
      { group: t('casework.partnerGroupVerified'), items: verified.map((p) => ({ value: `org:${p.orgId}`, label: `${p.name} (${p.country})` })) },
      { group: t('casework.partnerGroupDirectory'), items: entries.map((e) => ({ value: `contact:${e.id}`, label: `${e.name} (${e.country})` })) },
    ].filter((g) => g.items.length > 0);
  }, [partners, entries, t]);

  return (
    <Select
      {...props}
      data={data}
      searchable
      clearable
      nothingFoundMessage={t('casework.partnerNoMatch')}
      placeholder={t('casework.partnerPickPlaceholder')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
      data-testid="consent-partner"
    />
  );
}
