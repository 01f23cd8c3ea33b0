/**
 * The header search (and the home page's): an ARIA 1.2 combobox with a listbox of the pages whose
 * names match, each option a real link, from the small title index (src/lib/search/title-match.ts),
 * and a last option for all results on the search page. It never loads Pagefind. Loaded by URL on
 * first use (search-loader.ts), apart from the search page's code (search-page.ts).
 */
import { expandQuery } from '../lib/search/search-terms.ts';
import type { TitleIndex } from '../lib/search/title-index.ts';
import { markMatches, matchTitles, type TitleHit } from '../lib/search/title-match.ts';
import { HIGHLIGHT_PARAM } from './pagefind';
import { escapeHtml, type Hit, plural, TYPE_LABELS } from './search-results.ts';

const POPUP_LIMIT = 6;

/** A title-index match as the popup shows it: linked like Pagefind's results, to mark the words on arrival. */
function titleHit(hit: TitleHit, term: string): Hit {
  const highlight = new URLSearchParams(
    expandQuery(term)
      .split(/\s+/)
      .map((word) => [HIGHLIGHT_PARAM, word]),
  );
  return {
    url: `${hit.url}?${highlight}`,
    title: hit.title,
    type: TYPE_LABELS.get(hit.type)?.one ?? '',
    excerpt: markMatches(hit.description, term),
  };
}

async function fetchTitleIndex(url: string): Promise<TitleIndex> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Search could not load ${url}: ${response.status}`);
  return (await response.json()) as TitleIndex;
}

/** A popup option: a real link (middle-click, "open in new tab"), kept out of the tab order as the listbox pattern wants. */
function optionHtml(id: string, href: string, content: string, className: string): string {
  return `<a role="option" id="${id}" href="${escapeHtml(href)}" tabindex="-1" aria-selected="false" class="${className}">${content}</a>`;
}

function hitHtml(hit: Hit): string {
  return (
    `<span class="hit-head"><span class="hit-title">${escapeHtml(hit.title)}</span>` +
    `<span class="hit-type">${escapeHtml(hit.type)}</span></span>` +
    (hit.section ? `<span class="hit-section">Section: ${escapeHtml(hit.section.title)}</span>` : '') +
    `<span class="hit-excerpt">${hit.excerpt}</span>`
  );
}

class PopupSearch {
  readonly #root: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #results: HTMLElement;
  readonly #status: HTMLElement;
  readonly #base: string;
  #active = -1;
  #hits: Hit[] = [];
  /** Fetched when the box is first used. */
  #titles: Promise<TitleIndex> | undefined;
  /** How many pages' names match the term shown. */
  #matched = 0;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#input = root.querySelector('[data-search-input]')!;
    this.#results = root.querySelector('[data-search-results]')!;
    this.#status = root.querySelector('[data-search-status]')!;
    this.#base = root.dataset['base'] ?? '/';
    this.#input.addEventListener('input', () => void this.#onInput());
    this.#input.addEventListener('keydown', (event) => this.#onKeydown(event));
    // Clicking an option must not blur the input first: that would close the listbox under the pointer.
    this.#results.addEventListener('mousedown', (event) => event.preventDefault());
    this.#input.addEventListener('blur', () => this.#close());
    this.#input.addEventListener('focus', () => {
      void this.#titleIndex();
      if (this.#hits.length > 0) this.#open();
    });
    // This module loads when a popup box gets focus: this one, or another whose reader may never use this one.
    if (document.activeElement === this.#input) void this.#titleIndex();
    // The reader typed while this module was loading: search now.
    if (this.#input.value.trim()) void this.#onInput();
  }

  #titleIndex(): Promise<TitleIndex> {
    if (!this.#titles) {
      this.#titles = fetchTitleIndex(this.#root.dataset['titles'] ?? '');
      // Fetched ahead on focus too; a failure is handled where the index is used (#onInput).
      this.#titles.catch(() => {});
    }
    return this.#titles;
  }

  /** The pages whose names match, on every keystroke (matching 100-odd names takes well under a millisecond). */
  async #onInput(): Promise<void> {
    // Offline or mid-deploy: the popup still offers the search page, and the next keystroke tries again.
    const index = await this.#titleIndex().catch(() => {
      this.#titles = undefined;
      return { pages: [] };
    });
    const term = this.#input.value.trim();
    const matches = term ? matchTitles(index, term) : [];
    this.#matched = matches.length;
    this.#hits = matches.slice(0, POPUP_LIMIT).map((hit) => titleHit(hit, term));
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    if (!term) {
      this.#results.innerHTML = '';
      this.#status.textContent = '';
      this.#close();
      return;
    }
    this.#status.textContent = this.#matched === 0 ? `No page names match ${term}` : `${plural(this.#matched)} for ${term}`;
    this.#results.innerHTML = this.#html(term);
    this.#open();
  }

  /** The matching pages, then the full-text search of every page's text, one click away. */
  #html(term: string): string {
    const id = this.#results.id;
    const options = this.#hits.map((hit, index) => optionHtml(`${id}-${index}`, hit.url, hitHtml(hit), 'hit')).join('');
    const none =
      this.#matched === 0
        ? `<div role="option" aria-disabled="true" class="search-empty"><p>No page names match <strong>${escapeHtml(term)}</strong>.</p></div>`
        : '';
    const all = `${this.#base}search/?q=${encodeURIComponent(term)}`;
    return none + options + optionHtml(`${id}-all`, all, `All results for <strong>${escapeHtml(term)}</strong>`, 'hit hit-all');
  }

  #options(): HTMLElement[] {
    return [...this.#results.querySelectorAll<HTMLElement>('[role="option"]:not([aria-disabled="true"])')];
  }

  #setActive(index: number): void {
    const options = this.#options();
    if (options.length === 0) return;
    this.#active = (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === this.#active)));
    const active = options[this.#active]!;
    this.#input.setAttribute('aria-activedescendant', active.id);
    active.scrollIntoView({ block: 'nearest' });
  }

  #open(): void {
    if (this.#results.innerHTML === '') return;
    this.#results.hidden = false;
    this.#input.setAttribute('aria-expanded', 'true');
  }

  #close(): void {
    this.#results.hidden = true;
    this.#active = -1;
    this.#input.setAttribute('aria-expanded', 'false');
    this.#input.removeAttribute('aria-activedescendant');
  }

  #go(option: Element | undefined): void {
    if (option instanceof HTMLAnchorElement) location.assign(option.href);
  }

  #onKeydown(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.#open();
        this.#setActive(this.#active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.#open();
        this.#setActive(this.#active - 1);
        break;
      case 'Enter':
        if (this.#active >= 0 && !this.#results.hidden) {
          event.preventDefault();
          this.#go(this.#options()[this.#active]);
        }
        break;
      case 'Escape':
        if (!this.#results.hidden) {
          event.preventDefault();
          this.#close();
        } else if (this.#input.value) {
          this.#input.value = '';
        } else {
          this.#input.blur();
        }
        break;
    }
  }
}

const enhanced = new WeakSet<HTMLElement>();

/** Every search box that is not the search page's own. */
export function enhancePopups(): void {
  for (const root of document.querySelectorAll<HTMLElement>('atlas-search:not([data-mode="page"])')) {
    if (enhanced.has(root)) continue;
    enhanced.add(root);
    new PopupSearch(root);
  }
}
