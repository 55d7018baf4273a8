import type { Page } from '@playwright/test';

/**
 * Russian chrome left on an English screen: headings, buttons, tabs, labels, legends and table heads whose
 * own words (outside elements marked translate="no", which hold data: names, titles, places) are Cyrillic.
 * `scope` narrows the search to one part of the page (a tab's panel). Each finding names the element.
 */
export async function russianChrome(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((scope) => {
    const out: string[] = [];
    const chrome = 'h1, h2, h3, h4, h5, h6, button, [role="tab"], label, legend, thead th, caption, summary, nav a';
    for (const root of document.querySelectorAll(scope)) {
      for (const el of root.querySelectorAll<HTMLElement>(chrome)) {
        if (el.closest('[translate="no"], [aria-hidden="true"], [hidden], dialog:not([open])') || el.getClientRects().length === 0) continue;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let words = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('[translate="no"]')) words += n.textContent;
        if (/[\u0400-\u04ff]/.test(words)) out.push(`Russian chrome: ${el.tagName.toLowerCase()} «${words.trim().replace(/\s+/g, ' ').slice(0, 60)}»`);
      }
    }
    return out;
  }, scope);
}
