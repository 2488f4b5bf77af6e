import { Anchor, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote, Source } from '../../../shared/rules/rule.types';
import { ruleSource } from '../../../shared/rules/rule-sources';
import { citationText, quoted, quotesOf, referenceText } from '../../../shared/rules/source';
import { useLanguage } from '../format/labels';

/**
 * Where a rule comes from, in the user's language: the brochure's words translated, the references,
 * and a "show original (Dutch)" disclosure revealing the sentence as printed (docs/legal-rules.md "How
 * the brochure is quoted"). A Dutch reader sees the original directly.
 *
 * `ruleId` finds the structured source in the rule tables; `text` is the one-line source the engine
 * sent. When the two do not match (a rule of another version, a refusal citing the phase) the line is
 * shown as sent: it never shows a quote the rule did not cite.
 */
export function RuleSource({ ruleId, text, testId }: { ruleId: string; text: string; testId?: string | undefined }) {
  const source = ruleSource(ruleId);
  if (!source || citationText(source) !== text) return <SourceLine text={text} testId={testId} />;
  return <SourceView source={source} testId={testId} />;
}

function SourceLine({ text, testId }: { text: string; testId?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" data-testid={testId}>
      {t('procedure.source', { source: text })}
    </Text>
  );
}

/** A structured source: quotes in the user's language, references, the Dutch original on demand. */
export function SourceView({ source, testId }: { source: Source; testId?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const quotes = quotesOf(source);
  return (
    <div className="rule-source" data-testid={testId}>
      {quotes.length > 0 ? <QuoteText quotes={quotes} /> : null}
      <Text size="xs" c="dimmed">
        {t('procedure.source', { source: referenceText(source, language) })}
      </Text>
    </div>
  );
}

/**
 * Brochure quotes in the user's language; outside Dutch, the original behind a keyboard-reachable
 * disclosure. `translated={false}`: the translation is already shown by the caller (an error message),
 * only the disclosure is added.
 */
export function QuoteText({ quotes, translated = true }: { quotes: readonly Quote[]; translated?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const originalId = useId();
  if (quotes.length === 0 || (!translated && language === 'nl')) return null;
  const text = quotes.map((q) => quoted(q[language], language)).join(' … ');
  return (
    <div className="rule-quote">
      {translated ? (
        <Text size="xs" fs="italic" component="p" m={0} lang={language} data-testid="rule-quote">
          {text}
        </Text>
      ) : null}
      {language !== 'nl' ? (
        <>
          <Anchor
            component="button"
            type="button"
            size="xs"
            aria-expanded={open}
            aria-controls={originalId}
            data-testid="show-original"
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('ruleSource.hideOriginal') : t('ruleSource.showOriginal')}
          </Anchor>
          <div id={originalId} hidden={!open}>
            {open ? (
              <Text size="xs" component="p" m={0} lang="nl" data-testid="rule-quote-original">
                <Text span fw={600} fs="normal" inherit>
                  {t('ruleSource.original')}:{' '}
                </Text>
                {quotes.map((q) => quoted(q.nl, 'nl')).join(' … ')}
              </Text>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
