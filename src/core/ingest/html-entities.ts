/**
 * HTML character references → text. Covers numeric references and the named ones that appear in
 * Word exports and government web pages; unknown names are left as written (never guessed).
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  // Spaces all become plain spaces: "&nbsp;" in an otherwise empty cell means an empty cell.
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', zwsp: '', zwnj: '', zwj: '', shy: '', lrm: '', rlm: '',
  middot: '·', bull: '•', hellip: '…', mdash: '—', ndash: '–', minus: '−',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', prime: '′', Prime: '″',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  times: '×', divide: '÷', plusmn: '±', le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞',
  deg: '°', permil: '‰', percnt: '%', micro: 'µ', sup1: '¹', sup2: '²', sup3: '³',
  frac12: '½', frac14: '¼', frac34: '¾',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', yen: '¥', cent: '¢', pound: '£', euro: '€',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔',
  iexcl: '¡', iquest: '¿', brvbar: '¦', uml: '¨', macr: '¯', acute: '´', cedil: '¸', ordf: 'ª', ordm: 'º',
  not: '¬', curren: '¤', dagger: '†', Dagger: '‡', loz: '◊', spades: '♠', clubs: '♣', hearts: '♥', diams: '♦',
  radic: '√', sum: '∑', prod: '∏', part: '∂', isin: '∈', cap: '∩', cup: '∪', and: '∧', or: '∨',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', pi: 'π', sigma: 'σ', mu: 'μ', omega: 'ω',
  colon: ':', comma: ',', period: '.', excl: '!', quest: '?', num: '#', dollar: '$', lpar: '(', rpar: ')',
  lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', sol: '/', bsol: '\\', verbar: '|', ast: '*', plus: '+',
  equals: '=', semi: ';', commat: '@', lowbar: '_', grave: '`', Hat: '^', tilde: '˜', circ: 'ˆ',
};

/** Names browsers also accept without the trailing semicolon (legacy pages write "&nbsp" and "&amp"). */
const WITHOUT_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

/** Windows-1252 meanings of C1 code points, as browsers apply them to numeric references. */
const C1_FIXES: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x89: 0x2030,
  0x8b: 0x2039, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013,
  0x97: 0x2014, 0x99: 0x2122, 0x9b: 0x203a,
};

function fromCodePoint(code: number): string {
  if (code === 0xa0) return ' ';
  const fixed = C1_FIXES[code] ?? code;
  if (!Number.isFinite(fixed) || fixed <= 0 || fixed > 0x10ffff || (fixed >= 0xd800 && fixed <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(fixed);
}

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,8});?|#([0-9]{1,9});?|([A-Za-z][A-Za-z0-9]{1,31});?)/g;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return fromCodePoint(parseInt(dec, 10));
    if (name !== undefined) {
      const value = NAMED[name];
      if (value === undefined) {
        if (whole.endsWith(';')) return whole;
        // "&nbspfoo": a legacy name run into the following letters.
        for (const legacy of WITHOUT_SEMICOLON) {
          if (name.startsWith(legacy)) return (NAMED[legacy] ?? '') + name.slice(legacy.length);
        }
        return whole;
      }
      if (!whole.endsWith(';') && !WITHOUT_SEMICOLON.has(name)) return whole;
      return value;
    }
    return whole;
  });
}
