/**
 * Every string in every language: the same keys, none empty, and the same {{placeholders}}.
 * Only imports shared/i18n, so it runs in vitest's node environment.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES } from '../../shared/audit';
import { en } from '../../shared/i18n/en';
import { nl } from '../../shared/i18n/nl';
import { fr } from '../../shared/i18n/fr';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))].sort();
}

const reference = flatten(en);
const languages = { nl: flatten(nl), fr: flatten(fr) } as const;

describe('translations', () => {
  it('has English strings to compare against', () => {
    expect(reference.size).toBeGreaterThan(100);
  });

  for (const [name, strings] of Object.entries(languages)) {
    describe(name, () => {
      it('has every English key, with a non-empty string', () => {
        const missing = [...reference.keys()].filter((key) => !strings.has(key));
        const empty = [...strings].filter(([, value]) => value.trim() === '').map(([key]) => key);
        expect(missing).toEqual([]);
        expect(empty).toEqual([]);
      });

      it('has no key that English lacks', () => {
        expect([...strings.keys()].filter((key) => !reference.has(key))).toEqual([]);
      });

      it('uses the same {{placeholders}} as English', () => {
        const mismatches = [...reference]
          .filter(([key, value]) => strings.has(key) && placeholders(value).join() !== placeholders(strings.get(key)!).join())
          .map(([key, value]) => ({ key, en: placeholders(value), [name]: placeholders(strings.get(key)!) }));
        expect(mismatches).toEqual([]);
      });
    });
  }

  it('names every audit action and subject type, and nothing else, for the Audit screen', () => {
    const under = (prefix: string) => [...reference.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)).sort();
    expect(under('auditActions.')).toEqual([...AUDIT_ACTIONS].sort());
    expect(under('auditSubjects.')).toEqual([...AUDIT_SUBJECT_TYPES].sort());
  });

  it('has no empty English string', () => {
    expect([...reference].filter(([, value]) => value.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('keeps placeholders well formed (no single braces or unclosed pairs)', () => {
    for (const strings of [reference, ...Object.values(languages)]) {
      for (const [key, value] of strings) {
        const stripped = value.replace(/\{\{\s*\w+\s*\}\}/g, '');
        expect({ key, stray: /[{}]/.test(stripped) }).toEqual({ key, stray: false });
      }
    }
  });
});
