/**
 * Section preferences as district lists write them in the «Секция» column: numbers ("2", "1,3",
 * "1; 3", "2 и 4"), titles or a recognizable part of one ("соседские", "Молодёжные сообщества"), in
 * order of preference. Unknown parts are returned so the import can warn about them.
 */
export type SectionRef = { id: string; title: string; order: number };

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/[«»"'.]/g, '').replace(/\s+/g, ' ').trim();

export type SectionPrefs = { ids: string[]; unknown: string[] };

export function parseSectionPrefs(text: string, sections: readonly SectionRef[]): SectionPrefs {
  return sectionPrefsParser(sections)(text);
}

/**
 * parseSectionPrefs for one list of sections, many texts: titles are folded once, and each distinct
 * text is parsed once (a list of 10,000 rows repeats a handful of texts). Callers get their own copy.
 */
export function sectionPrefsParser(sections: readonly SectionRef[]): (text: string) => SectionPrefs {
  const ordered = [...sections].sort((a, b) => a.order - b.order).map((s) => {
    const title = fold(s.title);
    return { id: s.id, title, words: title.split(' ') };
  });
  const seen = new Map<string, SectionPrefs>();
  return (text) => {
    let parsed = seen.get(text);
    if (!parsed) seen.set(text, (parsed = parse(text, ordered)));
    return { ids: [...parsed.ids], unknown: [...parsed.unknown] };
  };
}

type Folded = { id: string; title: string; words: string[] };

function parse(text: string, ordered: readonly Folded[]): SectionPrefs {
  const ids: string[] = [];
  const unknown: string[] = [];
  const parts = text
    .split(/[,;/]|\s+и\s+|\s+или\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const number = /^№?\s*(\d+)(-?(я|й|ая))?$/i.exec(part);
    let found: Folded | undefined;
    if (number) found = ordered[Number(number[1]) - 1];
    else {
      const want = fold(part);
      if (want.length >= 4) {
        found =
          ordered.find((s) => s.title === want) ??
          ordered.find((s) => s.title.includes(want)) ??
          // a title quoted loosely: every word of the part starts a word of the title
          ordered.find((s) => want.split(' ').every((w) => s.words.some((t) => t.startsWith(w))));
      }
    }
    if (found && !ids.includes(found.id)) ids.push(found.id);
    else if (!found) unknown.push(part);
  }
  return { ids, unknown };
}
