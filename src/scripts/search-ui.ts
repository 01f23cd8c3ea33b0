/**
 * Search UI, loaded on first use. Two modes share one engine:
 * - popup (header/home): an ARIA 1.2 combobox with a listbox of the best matches;
 * - page (/search/): full results with type filters, state kept in the URL.
 */
import { loadPagefind, type Pagefind, type PagefindResultData, type PagefindSearch } from './pagefind';

const POPUP_LIMIT = 8;
const PAGE_LIMIT = 30;
const DEBOUNCE_MS = 120;
const TYPE_FILTER = 'type';

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

async function toHit(data: PagefindResultData): Promise<Hit> {
  const title = data.meta['title'] ?? data.url;
  const section = data.sub_results.find((sub) => sub.url.includes('#') && sub.title !== title);
  return {
    url: data.url,
    title,
    type: data.filters[TYPE_FILTER]?.[0] ?? '',
    excerpt: section?.excerpt ?? data.excerpt,
    section: section && { title: section.title, url: section.url },
  };
}

function hitHtml(hit: Hit, href: string): string {
  return (
    `<span class="hit-head"><span class="hit-title">${escapeHtml(hit.title)}</span>` +
    `<span class="hit-type">${escapeHtml(hit.type)}</span></span>` +
    (hit.section ? `<span class="hit-section">Section: ${escapeHtml(hit.section.title)}</span>` : '') +
    `<span class="hit-excerpt">${hit.excerpt}</span>` +
    `<span hidden data-href="${escapeHtml(href)}"></span>`
  );
}

class SearchController {
  readonly #root: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #results: HTMLElement;
  readonly #status: HTMLElement;
  readonly #mode: 'popup' | 'page';
  readonly #base: string;
  #filters: HTMLElement | null = null;
  #type = '';
  #active = -1;
  #hits: Hit[] = [];
  #pagefind: Promise<Pagefind>;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#input = root.querySelector('[data-search-input]')!;
    this.#results = root.querySelector('[data-search-results]')!;
    this.#status = root.querySelector('[data-search-status]')!;
    this.#mode = root.dataset['mode'] === 'page' ? 'page' : 'popup';
    this.#base = root.dataset['base'] ?? '/';
    this.#pagefind = loadPagefind(this.#base);
    this.#input.addEventListener('input', () => void this.#onInput());
    this.#input.addEventListener('keydown', (event) => this.#onKeydown(event));
    if (this.#mode === 'popup') {
      this.#results.addEventListener('mousedown', (event) => event.preventDefault());
      this.#results.addEventListener('click', (event) => this.#onOptionClick(event));
      this.#input.addEventListener('blur', () => this.#close());
      this.#input.addEventListener('focus', () => {
        if (this.#hits.length > 0) this.#open();
      });
      // The reader may have typed while this module was loading.
      if (this.#input.value.trim()) void this.#onInput();
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
    this.#filters = document.querySelector('[data-search-filters]');
    this.#root.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run(true);
    });
    this.#filters?.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      this.#type = target.value;
      void this.#run(true);
    });
    window.addEventListener('popstate', () => this.#readUrl());
    this.#readUrl();
  }

  #readUrl(): void {
    const params = new URLSearchParams(location.search);
    this.#input.value = params.get('q') ?? '';
    this.#type = params.get(TYPE_FILTER) ?? '';
    void this.#run(false);
  }

  #writeUrl(push: boolean): void {
    const params = new URLSearchParams();
    const q = this.#input.value.trim();
    if (q) params.set('q', q);
    if (this.#type) params.set(TYPE_FILTER, this.#type);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  async #onInput(): Promise<void> {
    const pagefind = await this.#pagefind;
    const term = this.#input.value.trim();
    if (!term) {
      this.#render(term, null);
      if (this.#mode === 'page') this.#writeUrl(false);
      return;
    }
    const search = await pagefind.debouncedSearch(term, this.#searchOptions(), DEBOUNCE_MS);
    if (search === null) return; // superseded by a newer keystroke
    if (this.#mode === 'page') this.#writeUrl(false);
    await this.#render(term, search);
  }

  #searchOptions() {
    return this.#type ? { filters: { [TYPE_FILTER]: this.#type } } : {};
  }

  async #run(push: boolean): Promise<void> {
    const pagefind = await this.#pagefind;
    const term = this.#input.value.trim();
    if (this.#mode === 'page') this.#writeUrl(push);
    if (!term) return this.#render(term, null);
    await this.#render(term, await pagefind.search(term, this.#searchOptions()));
  }

  async #render(term: string, search: PagefindSearch | null): Promise<void> {
    const limit = this.#mode === 'popup' ? POPUP_LIMIT : PAGE_LIMIT;
    const datas = search ? await Promise.all(search.results.slice(0, limit).map((result) => result.data())) : [];
    if (term !== this.#input.value.trim()) return; // the reader typed on meanwhile
    this.#hits = await Promise.all(datas.map(toHit));
    this.#active = -1;
    if (this.#mode === 'page') this.#renderFilters(search);
    const total = search?.results.length ?? 0;
    if (!term) {
      this.#results.innerHTML = '';
      this.#status.textContent = '';
      this.#close();
      return;
    }
    this.#status.textContent =
      total === 0 ? `No results for ${term}` : `${total} result${total === 1 ? '' : 's'} for ${term}`;
    if (total === 0) this.#results.innerHTML = this.#emptyHtml(term);
    else if (this.#mode === 'popup') this.#results.innerHTML = this.#popupHtml(term, total);
    else this.#results.innerHTML = this.#pageHtml(term, total);
    this.#results.hidden = false;
    if (this.#mode === 'popup') this.#open();
  }

  #emptyHtml(term: string): string {
    const link = (path: string, label: string) => `<a href="${this.#base}${path}">${label}</a>`;
    const tag = this.#mode === 'popup' ? 'div role="option" aria-disabled="true"' : 'div';
    return (
      `<${tag} class="search-empty"><p>No pages match <strong>${escapeHtml(term)}</strong>${
        this.#type ? ` in ${escapeHtml(this.#type)}s` : ''
      }.</p><p>Check the spelling, try a broader word such as “database” or “API”, or browse ` +
      `${link('skills/', 'skills')}, ${link('roles/', 'roles')} and ${link('guides/', 'guides')}.</p></div>`
    );
  }

  #popupHtml(term: string, total: number): string {
    const id = this.#results.id;
    const options = this.#hits
      .map((hit, index) => `<div role="option" id="${id}-${index}" aria-selected="false" class="hit">${hitHtml(hit, hit.url)}</div>`)
      .join('');
    const all = `${this.#base}search/?q=${encodeURIComponent(term)}`;
    const more = `<div role="option" id="${id}-all" aria-selected="false" class="hit hit-all"><span>See all ${total} results</span><span hidden data-href="${escapeHtml(all)}"></span></div>`;
    return options + more;
  }

  #pageHtml(term: string, total: number): string {
    const items = this.#hits
      .map(
        (hit) =>
          `<li class="hit"><a href="${escapeHtml(hit.url)}" class="hit-link">${escapeHtml(hit.title)}</a>` +
          `<span class="hit-type">${escapeHtml(hit.type)}</span>` +
          (hit.section
            ? `<a class="hit-section" href="${escapeHtml(hit.section.url)}">Section: ${escapeHtml(hit.section.title)}</a>`
            : '') +
          `<p class="hit-excerpt">${hit.excerpt}</p></li>`,
      )
      .join('');
    const shown = Math.min(total, this.#hits.length);
    return `<p class="hit-count">${total} result${total === 1 ? '' : 's'} for <strong>${escapeHtml(term)}</strong>${
      shown < total ? ` (showing the first ${shown})` : ''
    }</p><ol class="hits">${items}</ol>`;
  }

  #renderFilters(search: PagefindSearch | null): void {
    if (!this.#filters) return;
    if (!search || !this.#input.value.trim()) {
      this.#filters.innerHTML = '';
      return;
    }
    const counts = search.totalFilters[TYPE_FILTER] ?? search.filters[TYPE_FILTER] ?? {};
    const all = search.unfilteredResultCount;
    const radio = (value: string, label: string, count: number) =>
      `<label><input type="radio" name="type" value="${escapeHtml(value)}"${
        this.#type === value ? ' checked' : ''
      }> ${escapeHtml(label)} <span class="count">(${count})</span></label>`;
    const types = Object.entries(counts)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => a.localeCompare(b));
    this.#filters.innerHTML =
      `<fieldset class="filters"><legend>Show</legend>${radio('', 'All', all)}` +
      types.map(([type, count]) => radio(type, `${type}s`, count)).join('') +
      `</fieldset>`;
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
    const href = option?.querySelector<HTMLElement>('[data-href]')?.dataset['href'];
    if (href) location.href = href;
  }

  #onOptionClick(event: MouseEvent): void {
    this.#go((event.target as Element).closest('[role="option"]') ?? undefined);
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
