/**
 * What a person types on the set-up screen: the server's address (with or without `https://`, never
 * plain http) and the 60 fingerprint digits, which may come with spaces, dashes or line breaks and
 * are shown in groups of five as they are typed. fast-check properties over generated input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFingerprint } from '../handover/fingerprint';
import { countFingerprintDigits, displayFingerprint, groupFingerprintDigits, normaliseServerUrl } from './connection.schema';

const digits60 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 60, maxLength: 60 }).map((d) => d.join(''));
const separator = fc.constantFrom(' ', '-', '  ', '\n', ' - ', '.');

/** The digits with a separator after some of them, as pasted from a printout or typed by hand. */
const typedDigits = (digits: fc.Arbitrary<string>) =>
  digits.chain((d) => fc.array(fc.option(separator, { nil: '' }), { minLength: d.length, maxLength: d.length }).map((seps) => [...d].map((c, i) => c + seps[i]).join('')));

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const hostName = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}(\.[a-z]{2,6}){0,2}$/).filter((h) => !h.endsWith('-'));
const port = fc.integer({ min: 1, max: 65535 }).filter((p) => p !== 443);

describe('the fingerprint field', () => {
  it('shows whatever was typed as its digits in groups of five, at most 60, and grouping again changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const grouped = groupFingerprintDigits(text);
        expect(grouped).toMatch(/^(\d{5} )*\d{1,5}$|^$/);
        expect(grouped.replace(/ /g, '')).toBe(text.replace(/\D/g, '').slice(0, 60));
        expect(groupFingerprintDigits(grouped)).toBe(grouped);
        expect(countFingerprintDigits(grouped)).toBe(Math.min(60, countFingerprintDigits(text)));
      }),
    );
  });

  it('reads 60 digits typed with any spaces, dashes or line breaks as the same fingerprint', () => {
    fc.assert(
      fc.property(typedDigits(digits60), (typed) => {
        const digits = typed.replace(/\D/g, '');
        expect(displayFingerprint(typed)).toBe(formatFingerprint(digits));
        expect(groupFingerprintDigits(typed)).toBe(formatFingerprint(digits));
      }),
    );
  });

  it('refuses fewer or more than 60 digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }).filter((n) => n !== 60), (n) => {
        expect(displayFingerprint('7'.repeat(n))).toBeNull();
      }),
    );
  });
});

describe('the server address field', () => {
  it('accepts host:port with or without https:// and a trailing slash, as the same https origin', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, hostName), port, fc.boolean(), fc.boolean(), (host, p, scheme, slash) => {
        const typed = `${scheme ? 'https://' : ''}${host}:${p}${slash ? '/' : ''}`;
        expect(normaliseServerUrl(`  ${typed} `)).toBe(`https://${host}:${p}`);
      }),
    );
  });

  it('never answers anything but an https origin, and refuses plain http, paths, queries and user names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const url = normaliseServerUrl(text);
        if (url !== null) expect(url).toMatch(/^https:\/\/[^/?#@]+$/);
      }),
    );
    for (const refused of ['http://192.168.10.5:8443', 'ftp://server', 'https://server:8443/v1/call', 'https://server?x=1', 'https://anna@server', 'https://', '', '   ']) {
      expect(normaliseServerUrl(refused), refused).toBeNull();
    }
  });
});
