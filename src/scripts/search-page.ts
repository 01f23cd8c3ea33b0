/**
 * The search page (/search/): Pagefind's full-text results, type filters, state kept in the URL.
 * Each result shown costs one fragment download, so a search first loads only the results that
 * fit in the window (more if the window has room left once they are drawn), then eight at a time
 * ("Show more"). Loaded by URL on first use (search-loader.ts), apart from the header popup's code.
 */
import {
  categoryKind,
  expandQuery,
  hasMeaningfulMatch,
  KIND_FILTER,
  kindCategory,
  nameMatch,
  SEARCH_DEBOUNCE_MS,
} from '../lib/search/search-terms.ts';
import { loadPagefind, type Pagefind, type PagefindResultData, type PagefindSearch } from './pagefind';
import { escapeHtml, type Hit, plural, TYPE_LABELS } from './search-results.ts';

const PAGE_SIZE = 8;
/** The fewest results a search shows first, however little of the window is left below the box. */
const FIRST_AT_LEAST = 3;
/** The height a result takes (title, section link, one line of excerpt, spacing) and the filters and count line above them, in rem. */
const HIT_REM = 7;
const ABOVE_HITS_REM = 6.5;
/** URL parameters of the search page's filters (/search/?q=index&type=skill&category=Database+systems). */
const TYPE_PARAM = 'type';
const CATEGORY_PARAM = 'category';

const named = (data: PagefindResultData, term: string) => nameMatch(data.meta['title'] ?? '', data.meta['names'], term);

function toHit(data: PagefindResultData): Hit {
  const title = data.meta['title'] ?? data.url;
  const section = data.sub_results.find((sub) => sub.url.includes('#') && sub.title !== title);
  return {
    url: data.url,
    title,
    type: TYPE_LABELS.get(data.filters[KIND_FILTER]?.find((kind) => kindCategory(kind) === undefined) ?? '')?.one ?? '',
    excerpt: section?.excerpt ?? data.excerpt,
    section: section && { title: section.title, url: section.url },
  };
}

function hitHtml(hit: Hit): string {
  return (
    `<li class="hit"><a href="${escapeHtml(hit.url)}" class="hit-link">${escapeHtml(hit.title)}</a>` +
    `<span class="hit-type">${escapeHtml(hit.type)}</span>` +
    (hit.section ? `<a class="hit-section" href="${escapeHtml(hit.section.url)}">Section: ${escapeHtml(hit.section.title)}</a>` : '') +
    `<p class="hit-excerpt">${hit.excerpt}</p></li>`
  );
}

/** The root font size in pixels: the reader's default, which sizes the results. */
const remPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

class PageSearch {
  readonly #input: HTMLInputElement;
  readonly #results: HTMLElement;
  readonly #status: HTMLElement;
  readonly #filters: HTMLElement | null;
  readonly #base: string;
  readonly #pagefind: Promise<Pagefind>;
  /** Filter counts come only after Pagefind has loaded its filter index. */
  readonly #filtersLoaded: Promise<unknown>;
  #type = '';
  #category = '';
  #hits: Hit[] = [];
  /** The search shown, its words, how many of its results have been loaded and how many of those were dropped. */
  #search: PagefindSearch | null = null;
  #term = '';
  #loaded = 0;
  #dropped = 0;
  #batches: Promise<unknown> = Promise.resolve();

  constructor(root: HTMLElement) {
    this.#input = root.querySelector('[data-search-input]')!;
    this.#results = root.querySelector('[data-search-results]')!;
    this.#status = root.querySelector('[data-search-status]')!;
    this.#filters = root.querySelector('[data-search-filters]');
    this.#base = root.dataset['base'] ?? '/';
    this.#pagefind = loadPagefind(this.#base);
    this.#filtersLoaded = this.#pagefind.then((pagefind) => pagefind.filters());
    // On the search page the results are a plain list of links, not a listbox.
    this.#input.removeAttribute('role');
    this.#input.removeAttribute('aria-autocomplete');
    this.#input.removeAttribute('aria-expanded');
    this.#results.removeAttribute('role');
    this.#results.setAttribute('aria-label', 'Search results');
    this.#input.addEventListener('input', () => void this.#onInput());
    this.#input.addEventListener('keydown', (event) => {
      // Down from the box moves to the first result.
      const first = this.#results.querySelector<HTMLAnchorElement>('a.hit-link');
      if (event.key === 'ArrowDown' && first) {
        event.preventDefault();
        first.focus();
      }
    });
    root.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run(true);
    });
    this.#results.addEventListener('click', (event) => {
      if ((event.target as Element).closest('[data-search-more]')) void this.#showMore();
    });
    this.#filters?.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === CATEGORY_PARAM) this.#category = target.value;
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
    this.#type = params.get(TYPE_PARAM) ?? '';
    this.#category = this.#type === 'skill' ? (params.get(CATEGORY_PARAM) ?? '') : '';
    void this.#run(false);
  }

  #writeUrl(push: boolean): void {
    const params = new URLSearchParams();
    const q = this.#input.value.trim();
    if (q) params.set('q', q);
    if (this.#type) params.set(TYPE_PARAM, this.#type);
    if (this.#category) params.set(CATEGORY_PARAM, this.#category);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Pagefind's results, once the reader pauses for the debounce. */
  async #onInput(): Promise<void> {
    const pagefind = await this.#pagefind;
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
    const kind = this.#category ? categoryKind(this.#category) : this.#type;
    return { filters: kind ? { [KIND_FILTER]: kind } : {} };
  }

  /** Searches what the box or the URL holds, at once. */
  async #run(push: boolean): Promise<void> {
    const pagefind = await this.#pagefind;
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
    this.#renderFilters(hits.length === 0 ? null : search);
    const total = this.#total();
    if (!term) {
      this.#results.innerHTML = '';
      this.#status.textContent = '';
      this.#results.hidden = true;
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
    list.insertAdjacentHTML('beforeend', hits.map(hitHtml).join(''));
    this.#hits.push(...hits);
    this.#results.querySelector('.hit-count')!.innerHTML = this.#countHtml(this.#term);
    if (!this.#hasMore()) this.#results.querySelector('[data-search-more]')?.remove();
    return first;
  }

  /** The next page of results, appended, with focus on the first of them. */
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

  #countHtml(term: string): string {
    const total = this.#total();
    const shown = this.#hits.length;
    return `${plural(total)} for <strong>${escapeHtml(term)}</strong>${shown < total ? ` (showing ${shown})` : ''}`;
  }

  #pageHtml(term: string): string {
    const more = this.#hasMore() ? '<button type="button" class="hit-more" data-search-more>Show more results</button>' : '';
    return `<p class="hit-count">${this.#countHtml(term)}</p><ol class="hits">${this.#hits.map(hitHtml).join('')}</ol>${more}`;
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
    // Counts for the words typed, whatever is selected: each page has one type; a skill also has a category.
    const kinds = Object.entries(search.totalFilters[KIND_FILTER] ?? {});
    const typeCounts = Object.fromEntries(kinds.filter(([kind]) => kindCategory(kind) === undefined));
    const types = [...TYPE_LABELS.entries()].filter(([value]) => (typeCounts[value] ?? 0) > 0 || value === this.#type);
    let html =
      `<fieldset class="filters"><legend>Show</legend>` +
      radio(
        TYPE_PARAM,
        '',
        'All',
        Object.values(typeCounts).reduce((a, b) => a + b, 0),
        this.#type === '',
      ) +
      types.map(([value, label]) => radio(TYPE_PARAM, value, label.many, typeCounts[value] ?? 0, this.#type === value)).join('') +
      `</fieldset>`;
    if (this.#type === 'skill') {
      const categories = kinds.flatMap(([kind, count]) => {
        const category = kindCategory(kind);
        return category !== undefined && (count > 0 || category === this.#category) ? [[category, count] as const] : [];
      });
      const all = categories.reduce((sum, [, count]) => sum + count, 0);
      html +=
        `<fieldset class="filters"><legend>Skill category</legend>` +
        radio(CATEGORY_PARAM, '', 'All categories', all, this.#category === '') +
        categories.map(([value, count]) => radio(CATEGORY_PARAM, value, value, count, this.#category === value)).join('') +
        `</fieldset>`;
    }
    this.#filters.innerHTML = html;
  }
}

/** Arrow keys move between result links, and up from the first goes back to the box. */
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

let enhanced = false;

/** The search page's own box. */
export function enhancePage(): void {
  const root = document.querySelector<HTMLElement>('atlas-search[data-mode="page"]');
  if (!root || enhanced) return;
  enhanced = true;
  new PageSearch(root);
  enableResultArrows(root);
}
