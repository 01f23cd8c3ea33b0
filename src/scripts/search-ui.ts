/**
 * Search UI, loaded on first use. Two modes:
 * - popup (header/home): an ARIA 1.2 combobox with a listbox of the pages whose names match, each
 *   a link, from the small title index (src/lib/search/title-match.ts), and a last option for all
 *   results on the search page; it never loads Pagefind;
 * - page (/search/): Pagefind's full-text results, type filters, state kept in the URL. Each result
 *   shown costs one fragment download, so a search first loads only the results that fit in the
 *   window (more if the window has room left once they are drawn), then eight at a time ("Show more").
 */
import { COLLECTION_NAMES, COLLECTIONS } from '../lib/content/collections.ts';
import { expandQuery, hasMeaningfulMatch, nameMatch, SEARCH_DEBOUNCE_MS, SEARCH_TYPES } from '../lib/search/search-terms.ts';
import type { TitleIndex } from '../lib/search/title-index.ts';
import { markMatches, matchTitles, type TitleHit } from '../lib/search/title-match.ts';
import { HIGHLIGHT_PARAM, loadPagefind, type Pagefind, type PagefindResultData, type PagefindSearch } from './pagefind';
import './search.css';

const POPUP_LIMIT = 6;
const PAGE_SIZE = 8;
/** The fewest results a search shows first, however little of the window is left below the box. */
const FIRST_AT_LEAST = 3;
/** The height a result takes (title, section link, one line of excerpt, spacing) and the filters and count line above them, in rem. */
const HIT_REM = 7;
const ABOVE_HITS_REM = 6.5;
const TYPE_FILTER = 'type';
const CATEGORY_FILTER = 'category';

/** Labels for the type filter values: "skill" → Skill / Skills. */
const TYPE_LABELS = new Map(
  COLLECTION_NAMES.map((name) => [SEARCH_TYPES[name], { one: COLLECTIONS[name].singular, many: COLLECTIONS[name].plural }]),
);

interface Hit {
  url: string;
  title: string;
  type: string;
  excerpt: string;
  section?: { title: string; url: string } | undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const named = (data: PagefindResultData, term: string) => nameMatch(data.meta['title'] ?? '', data.meta['names'], term);

function toHit(data: PagefindResultData): Hit {
  const title = data.meta['title'] ?? data.url;
  const section = data.sub_results.find((sub) => sub.url.includes('#') && sub.title !== title);
  return {
    url: data.url,
    title,
    type: TYPE_LABELS.get(data.filters[TYPE_FILTER]?.[0] ?? '')?.one ?? '',
    excerpt: section?.excerpt ?? data.excerpt,
    section: section && { title: section.title, url: section.url },
  };
}

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

function popupHitHtml(hit: Hit): string {
  return (
    `<span class="hit-head"><span class="hit-title">${escapeHtml(hit.title)}</span>` +
    `<span class="hit-type">${escapeHtml(hit.type)}</span></span>` +
    (hit.section ? `<span class="hit-section">Section: ${escapeHtml(hit.section.title)}</span>` : '') +
    `<span class="hit-excerpt">${hit.excerpt}</span>`
  );
}

function pageHitHtml(hit: Hit): string {
  return (
    `<li class="hit"><a href="${escapeHtml(hit.url)}" class="hit-link">${escapeHtml(hit.title)}</a>` +
    `<span class="hit-type">${escapeHtml(hit.type)}</span>` +
    (hit.section ? `<a class="hit-section" href="${escapeHtml(hit.section.url)}">Section: ${escapeHtml(hit.section.title)}</a>` : '') +
    `<p class="hit-excerpt">${hit.excerpt}</p></li>`
  );
}

/** The root font size in pixels: the reader's default, which sizes the results. */
const remPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

const plural = (count: number) => `${count} result${count === 1 ? '' : 's'}`;

class SearchController {
  readonly #root: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #results: HTMLElement;
  readonly #status: HTMLElement;
  readonly #mode: 'popup' | 'page';
  readonly #base: string;
  #filters: HTMLElement | null = null;
  #type = '';
  #category = '';
  #active = -1;
  #hits: Hit[] = [];
  /** The search shown, its words, how many of its results have been loaded and how many of those were dropped. */
  #search: PagefindSearch | null = null;
  #term = '';
  #loaded = 0;
  #dropped = 0;
  #batches: Promise<unknown> = Promise.resolve();
  /** Page mode only: the popup never loads Pagefind. */
  #pagefind: Promise<Pagefind> | undefined;
  /** Popup mode only, fetched when its box is first used. */
  #titles: Promise<TitleIndex> | undefined;
  /** Popup mode: how many pages' names match the term shown. */
  #matched = 0;
  /** Filter counts come only after Pagefind has loaded its filter index: the page needs it, the popup does not. */
  #filtersLoaded: Promise<unknown>;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#input = root.querySelector('[data-search-input]')!;
    this.#results = root.querySelector('[data-search-results]')!;
    this.#status = root.querySelector('[data-search-status]')!;
    this.#mode = root.dataset['mode'] === 'page' ? 'page' : 'popup';
    this.#base = root.dataset['base'] ?? '/';
    this.#pagefind = this.#mode === 'page' ? loadPagefind(this.#base) : undefined;
    this.#filtersLoaded = this.#pagefind ? this.#pagefind.then((pagefind) => pagefind.filters()) : Promise.resolve();
    this.#input.addEventListener('input', () => void (this.#mode === 'popup' ? this.#onPopupInput() : this.#onInput()));
    this.#input.addEventListener('keydown', (event) => this.#onKeydown(event));
    if (this.#mode === 'popup') {
      // Clicking an option must not blur the input first: that would close the listbox under the pointer.
      this.#results.addEventListener('mousedown', (event) => event.preventDefault());
      this.#input.addEventListener('blur', () => this.#close());
      this.#input.addEventListener('focus', () => {
        void this.#titleIndex();
        if (this.#hits.length > 0) this.#open();
      });
      // This module loads when a search box gets focus: this one, or another (on /search/) whose
      // reader may never use this one.
      if (document.activeElement === this.#input) void this.#titleIndex();
      // The reader typed while this module was loading: search now.
      if (this.#input.value.trim()) void this.#onPopupInput();
    } else {
      this.#setupPage();
    }
  }

  #setupPage(): void {
    // On the search page the results are a plain list of links, not a listbox.
    this.#input.removeAttribute('role');
    this.#input.removeAttribute('aria-autocomplete');
    this.#input.removeAttribute('aria-expanded');
    this.#results.removeAttribute('role');
    this.#results.setAttribute('aria-label', 'Search results');
    this.#filters = this.#root.querySelector('[data-search-filters]');
    this.#root.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run(true);
    });
    this.#results.addEventListener('click', (event) => {
      if ((event.target as Element).closest('[data-search-more]')) void this.#showMore();
    });
    this.#filters?.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === CATEGORY_FILTER) this.#category = target.value;
      else {
        this.#type = target.value;
        this.#category = '';
      }
      void this.#run(true);
    });
    window.addEventListener('popstate', () => this.#readUrl());
    // The reader may have typed while this module was loading: a URL without a query keeps that text.
    this.#readUrl(true);
  }

  #readUrl(keepTyped = false): void {
    const params = new URLSearchParams(location.search);
    this.#input.value = params.get('q') ?? (keepTyped ? this.#input.value : '');
    this.#type = params.get(TYPE_FILTER) ?? '';
    this.#category = this.#type === 'skill' ? (params.get(CATEGORY_FILTER) ?? '') : '';
    void this.#run(false);
  }

  #writeUrl(push: boolean): void {
    const params = new URLSearchParams();
    const q = this.#input.value.trim();
    if (q) params.set('q', q);
    if (this.#type) params.set(TYPE_FILTER, this.#type);
    if (this.#category) params.set(CATEGORY_FILTER, this.#category);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  #titleIndex(): Promise<TitleIndex> {
    if (!this.#titles) {
      this.#titles = fetchTitleIndex(this.#root.dataset['titles'] ?? '');
      // Fetched ahead on focus too; a failure is handled where the index is used (#onPopupInput).
      this.#titles.catch(() => {});
    }
    return this.#titles;
  }

  /** Popup: the pages whose names match, on every keystroke (matching 100-odd names takes well under a millisecond). */
  async #onPopupInput(): Promise<void> {
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
    this.#term = term;
    if (!term) {
      this.#results.innerHTML = '';
      this.#status.textContent = '';
      this.#close();
      return;
    }
    this.#status.textContent = this.#matched === 0 ? `No page names match ${term}` : `${plural(this.#matched)} for ${term}`;
    this.#results.innerHTML = this.#popupHtml(term);
    this.#open();
  }

  /** Page: Pagefind's results, once the reader pauses for the debounce. */
  async #onInput(): Promise<void> {
    const pagefind = await this.#pagefind!;
    await this.#filtersLoaded;
    const term = this.#input.value.trim();
    if (!term) {
      this.#render(term, null);
      this.#writeUrl(false);
      return;
    }
    const search = await pagefind.debouncedSearch(expandQuery(term), this.#searchOptions(), SEARCH_DEBOUNCE_MS);
    if (search === null) return; // superseded by a newer keystroke
    this.#writeUrl(false);
    await this.#render(term, search);
  }

  #searchOptions() {
    const filters: Record<string, string> = {};
    if (this.#type) filters[TYPE_FILTER] = this.#type;
    if (this.#category) filters[CATEGORY_FILTER] = this.#category;
    return { filters };
  }

  /** Page: searches what the box or the URL holds, at once. */
  async #run(push: boolean): Promise<void> {
    const pagefind = await this.#pagefind!;
    const term = this.#input.value.trim();
    this.#writeUrl(push);
    if (!term) return this.#render(term, null);
    const query = expandQuery(term);
    // The index chunks for the words load alongside the filter index, not after it.
    await Promise.all([this.#filtersLoaded, pagefind.preload(query, this.#searchOptions())]);
    await this.#render(term, await pagefind.search(query, this.#searchOptions()));
  }

  /**
   * Loads the fragments of the next `count` results of the search shown, or null when a newer
   * search has replaced it meanwhile. Results without a meaningful match are dropped; Pagefind
   * ranks them last, so a batch without one ends the results.
   */
  #loadHits(count: number): Promise<Hit[] | null> {
    // One batch at a time ("Show more" may be pressed while the window is being filled), so no
    // two batches take the same results and they are shown in order.
    const batch = this.#batches.then(() => this.#loadBatch(count));
    this.#batches = batch.catch(() => {});
    return batch;
  }

  async #loadBatch(count: number): Promise<Hit[] | null> {
    const search = this.#search;
    if (!search) return [];
    const term = this.#term;
    const batch = search.results.slice(this.#loaded, this.#loaded + count);
    const loaded = await Promise.all(batch.map((result) => result.data()));
    if (search !== this.#search) return null;
    const kept = loaded.filter((data) => hasMeaningfulMatch(data.excerpt, term));
    // In the first batch, the page named exactly what the reader typed goes first.
    if (this.#loaded === 0) kept.sort((a, b) => named(b, term) - named(a, term));
    this.#loaded += batch.length;
    this.#dropped += batch.length - kept.length;
    if (kept.length === 0 && batch.length > 0) {
      this.#dropped += search.results.length - this.#loaded;
      this.#loaded = search.results.length;
    }
    return kept.map(toHit);
  }

  /** Results of the search shown, less those dropped so far. */
  #total(): number {
    return (this.#search?.results.length ?? 0) - this.#dropped;
  }

  /** Rows of results that fit in `room` pixels. */
  #rowsIn(room: number): number {
    return Math.ceil(room / (HIT_REM * remPx()));
  }

  /** How many results a search shows first: those that fit in the window below the search box. */
  #firstBatch(): number {
    const room = innerHeight - this.#input.getBoundingClientRect().bottom - ABOVE_HITS_REM * remPx();
    return Math.min(PAGE_SIZE, Math.max(FIRST_AT_LEAST, this.#rowsIn(room)));
  }

  /** When the next result would start inside the window (a tall window, short results), draws more to fill it. */
  async #fill(): Promise<void> {
    for (;;) {
      const list = this.#results.querySelector('ol.hits');
      // Results are spaced about 1rem apart.
      const room = list ? innerHeight - list.getBoundingClientRect().bottom - remPx() : 0;
      if (room <= 0 || !this.#hasMore()) return;
      const search = this.#search;
      const hits = await this.#loadHits(Math.min(PAGE_SIZE, this.#rowsIn(room)));
      if (hits === null || search !== this.#search) return;
      this.#append(hits);
    }
  }

  async #render(term: string, search: PagefindSearch | null): Promise<void> {
    if (term !== this.#input.value.trim()) return; // stale already: leave the search on screen alone
    this.#search = search;
    this.#term = term;
    this.#loaded = 0;
    this.#dropped = 0;
    const hits = await this.#loadHits(this.#firstBatch());
    if (hits === null || term !== this.#input.value.trim()) return; // the reader typed on meanwhile
    this.#hits = hits;
    this.#active = -1;
    this.#renderFilters(hits.length === 0 ? null : search);
    const total = this.#total();
    if (!term) {
      this.#results.innerHTML = '';
      this.#status.textContent = '';
      this.#close();
      return;
    }
    this.#status.textContent = total === 0 ? `No results for ${term}` : `${plural(total)} for ${term}`;
    this.#results.innerHTML = total === 0 ? this.#emptyHtml(term) : this.#pageHtml(term);
    this.#results.hidden = false;
    await this.#fill();
  }

  /** Adds `hits` at the end of the list shown; returns the index of the first of them. */
  #append(hits: Hit[]): number {
    const list = this.#results.querySelector('ol.hits')!;
    const first = list.children.length;
    list.insertAdjacentHTML('beforeend', hits.map(pageHitHtml).join(''));
    this.#hits.push(...hits);
    this.#results.querySelector('.hit-count')!.innerHTML = this.#countHtml(this.#term);
    if (!this.#hasMore()) this.#results.querySelector('[data-search-more]')?.remove();
    return first;
  }

  /** Page mode: the next page of results, appended, with focus on the first of them. */
  async #showMore(): Promise<void> {
    const button = this.#results.querySelector<HTMLButtonElement>('[data-search-more]');
    // aria-disabled, not disabled: a disabled button would lose focus while the results load.
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    const hits = await this.#loadHits(PAGE_SIZE);
    if (hits === null) return;
    const first = this.#append(hits);
    this.#status.textContent = `Showing ${this.#hits.length} of ${plural(this.#total())} for ${this.#term}`;
    button.removeAttribute('aria-disabled');
    // Focus moves to the first new result, or stays on the last one when none came (the button goes).
    const list = this.#results.querySelector('ol.hits')!;
    list.children[hits.length > 0 ? first : first - 1]?.querySelector<HTMLAnchorElement>('a.hit-link')?.focus();
  }

  #hasMore(): boolean {
    return this.#loaded < (this.#search?.results.length ?? 0);
  }

  #emptyHtml(term: string): string {
    const link = (path: string, label: string) => `<a href="${this.#base}${path}">${label}</a>`;
    return (
      `<div class="search-empty"><p>No pages match <strong>${escapeHtml(term)}</strong>${
        this.#type ? ` in ${escapeHtml(TYPE_LABELS.get(this.#type)?.many.toLowerCase() ?? this.#type)}` : ''
      }.</p><p>Check the spelling, try a broader word such as “database” or “API”, or browse ` +
      `${link('skills/', 'skills')}, ${link('roles/', 'roles')} and ${link('guides/', 'guides')}.</p></div>`
    );
  }

  /** The matching pages, then the full-text search of every page's text, one click away. */
  #popupHtml(term: string): string {
    const id = this.#results.id;
    const options = this.#hits.map((hit, index) => optionHtml(`${id}-${index}`, hit.url, popupHitHtml(hit), 'hit')).join('');
    const none =
      this.#matched === 0
        ? `<div role="option" aria-disabled="true" class="search-empty"><p>No page names match <strong>${escapeHtml(term)}</strong>.</p></div>`
        : '';
    const all = `${this.#base}search/?q=${encodeURIComponent(term)}`;
    return none + options + optionHtml(`${id}-all`, all, `All results for <strong>${escapeHtml(term)}</strong>`, 'hit hit-all');
  }

  #countHtml(term: string): string {
    const total = this.#total();
    const shown = this.#hits.length;
    return `${plural(total)} for <strong>${escapeHtml(term)}</strong>${shown < total ? ` (showing ${shown})` : ''}`;
  }

  #pageHtml(term: string): string {
    const more = this.#hasMore() ? '<button type="button" class="hit-more" data-search-more>Show more results</button>' : '';
    return `<p class="hit-count">${this.#countHtml(term)}</p><ol class="hits">${this.#hits.map(pageHitHtml).join('')}</ol>${more}`;
  }

  #renderFilters(search: PagefindSearch | null): void {
    if (!this.#filters) return;
    if (!search || !this.#input.value.trim()) {
      // No filters to offer, but keep the reader's current choice visible to undo it.
      this.#filters.innerHTML = '';
      return;
    }
    const radio = (name: string, value: string, label: string, count: number, checked: boolean) =>
      `<label><input type="radio" name="${name}" value="${escapeHtml(value)}"${checked ? ' checked' : ''}> ` +
      `${escapeHtml(label)} <span class="count">(${count})</span></label>`;
    const typeCounts = search.totalFilters[TYPE_FILTER] ?? {};
    const types = [...TYPE_LABELS.entries()].filter(([value]) => (typeCounts[value] ?? 0) > 0 || value === this.#type);
    let html =
      `<fieldset class="filters"><legend>Show</legend>` +
      radio(
        TYPE_FILTER,
        '',
        'All',
        Object.values(typeCounts).reduce((a, b) => a + b, 0),
        this.#type === '',
      ) +
      types.map(([value, label]) => radio(TYPE_FILTER, value, label.many, typeCounts[value] ?? 0, this.#type === value)).join('') +
      `</fieldset>`;
    if (this.#type === 'skill') {
      const categories = Object.entries(search.filters[CATEGORY_FILTER] ?? {}).filter(([, count]) => count > 0);
      const all = categories.reduce((sum, [, count]) => sum + count, 0);
      html +=
        `<fieldset class="filters"><legend>Skill category</legend>` +
        radio(CATEGORY_FILTER, '', 'All categories', all, this.#category === '') +
        categories.map(([value, count]) => radio(CATEGORY_FILTER, value, value, count, this.#category === value)).join('') +
        `</fieldset>`;
    }
    this.#filters.innerHTML = html;
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
    if (this.#mode === 'page') {
      if (event.key === 'ArrowDown') {
        const first = this.#results.querySelector<HTMLAnchorElement>('a.hit-link');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
      return;
    }
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

/** Page mode: arrow keys move between result links. */
function enableResultArrows(root: HTMLElement): void {
  root.addEventListener('keydown', (event) => {
    if (!(event.target instanceof HTMLAnchorElement) || !(event.key === 'ArrowDown' || event.key === 'ArrowUp')) return;
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a.hit-link')];
    const index = links.indexOf(event.target);
    if (index < 0) return;
    event.preventDefault();
    const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) next.focus();
    else if (event.key === 'ArrowUp') root.querySelector<HTMLInputElement>('[data-search-input]')?.focus();
  });
}

const enhanced = new WeakSet<HTMLElement>();

export function enhanceAll(): void {
  for (const root of document.querySelectorAll<HTMLElement>('atlas-search')) {
    if (enhanced.has(root)) continue;
    enhanced.add(root);
    new SearchController(root);
    if (root.dataset['mode'] === 'page') enableResultArrows(root);
  }
}
