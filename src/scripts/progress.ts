/**
 * The reader's progress marks on the page: draws them on every skill the page shows (mark
 * buttons, badges, role counts, learning-path summaries), saves each press, and announces it.
 * On the progress page it also lists the marks, exports, imports and clears them.
 *
 * Loaded by the boot script (src/lib/progress/progress-boot-script.ts) only when the reader has saved
 * progress or first presses a mark. The storage format lives in src/lib/progress/progress.ts; the markup it
 * reads is made by MarkButtons, LearningPath, SkillsMatrix and the compare and
 * progress pages (data-mark, data-marked, data-path, data-step, data-role-progress…).
 */
import {
  carryOver,
  importPlan,
  MARK_STATES,
  type Marks,
  type MarkState,
  pathProgress,
  PROGRESS_STORAGE_KEY,
  READY_NAMED,
  progressText,
  readProgress,
  SET_ASIDE_PREFIX,
  sizeProblem,
  stepState,
  tallyText,
} from '@/lib/progress/progress';

const root = document.documentElement;
const all = <T extends HTMLElement = HTMLElement>(selector: string, within: ParentNode = document) => [...within.querySelectorAll<T>(selector)];

let marks: Marks = new Map();
/** False when the browser keeps nothing for the site (storage blocked or full): marks then last as long as the page. */
let storable = true;

/** Shows a problem with the saved progress wherever the page has room for it ([data-progress-notice]). */
function report(text: string): void {
  for (const notice of all('[data-progress-notice]')) {
    notice.textContent = text;
    notice.hidden = false;
  }
}

/** Says what changed in the live region nearest to where it happened. */
function announce(text: string, near?: Element): void {
  const status = near?.closest('[data-progress-scope]')?.querySelector('[data-progress-status]') ?? document.querySelector('[data-progress-status]');
  if (status) status.textContent = text;
}

function read(): void {
  let text: string | null;
  try {
    text = localStorage.getItem(PROGRESS_STORAGE_KEY);
  } catch {
    storable = false;
    report('This browser keeps nothing for this site, so your marks last only until you leave the page.');
    return;
  }
  if (text === null) return;
  const result = readProgress(text);
  if (result.ok) {
    marks = result.marks;
    return;
  }
  // An unreadable value is moved aside, not deleted: it is the reader's, and may be recoverable.
  try {
    localStorage.setItem(`${SET_ASIDE_PREFIX}${new Date().toISOString()}`, text);
    localStorage.removeItem(PROGRESS_STORAGE_KEY);
    report(
      `Your saved progress could not be read: ${result.problem}. It was set aside, not deleted, and this page starts afresh; the page “Your progress” offers it to download.`,
    );
  } catch {
    storable = false;
    report(
      `Your saved progress could not be read: ${result.problem}. The page “Your progress” offers it to download or delete; until then, marks last until you leave the page.`,
    );
  }
}

function save(): boolean {
  if (!storable) return false;
  try {
    if (marks.size > 0) localStorage.setItem(PROGRESS_STORAGE_KEY, progressText(marks));
    else localStorage.removeItem(PROGRESS_STORAGE_KEY);
    return true;
  } catch {
    report('Your marks could not be saved: this browser’s storage for the site is full or blocked. They last until you leave the page.');
    return false;
  }
}

/** The key an element is about: a mark button group, a badge, or a learning-path step. */
const keyOf = (element: HTMLElement) => element.dataset['mark'] ?? element.dataset['marked'] ?? element.dataset['step']!;

/** Old ids → ids now, as the page lists them (data-was on renamed entries), plus any the caller knows. */
function pageAliases(known: Iterable<[string, string]> = []): Map<string, string> {
  const aliases = new Map(known);
  for (const element of all('[data-was]')) for (const old of element.dataset['was']!.split(' ')) aliases.set(old, keyOf(element));
  return aliases;
}

const setState = (element: HTMLElement, state: MarkState | undefined) => {
  if (state) element.dataset['state'] = state;
  else delete element.dataset['state'];
};

/** A link to a step of a learning path: to the step on this page when it has one, otherwise to the skill. */
function stepLink(step: HTMLElement): HTMLAnchorElement {
  const first = step.querySelector('a')!;
  const link = document.createElement('a');
  link.href = step.id ? `#${step.id}` : first.href;
  link.textContent = step.dataset['title'] ?? first.textContent;
  return link;
}

/** "A and B", as nodes, with "and N more" for any beyond those named. */
function listOf(items: Node[]): Node[] {
  const shown = items.slice(0, READY_NAMED);
  const more = items.length - shown.length;
  const parts: (Node | string)[] = [];
  shown.forEach((item, index) => {
    if (index > 0) parts.push(index === shown.length - 1 && more === 0 ? ' and ' : ', ');
    parts.push(item);
  });
  if (more > 0) parts.push(` and ${more} more`);
  return parts.map((part) => (typeof part === 'string' ? document.createTextNode(part) : part));
}

/** What the page showed before any mark, for a summary that goes back to it (data-path="next"). */
const initial = new WeakMap<HTMLElement, Node[]>();

/**
 * A learning path ([data-path]): its steps are the elements inside it with a data-reason or a
 * data-step; a step's skills are its data-step keys, or else its mark buttons', and it builds on
 * its data-after keys. Its [data-tally] and [data-ready] elements show the counts and what to learn next.
 */
function drawPath(path: HTMLElement): void {
  const items = all('[data-step], [data-reason]', path);
  const steps = items.map((item) => ({
    keys: item.dataset['step']?.split(' ') ?? all('[data-mark]', item).map(keyOf),
    core: item.dataset['reason'] === 'core',
    after: item.dataset['after']?.split(' ') ?? [],
  }));
  items.forEach((item, index) => setState(item, stepState(steps[index]!, marks)));
  const progress = pathProgress(steps, marks);
  for (const tally of all('[data-tally]', path)) {
    tally.textContent = tally.dataset['tally'] === 'core' ? tallyText(progress.core, 'core skills') : tallyText(progress.all, 'skills on the path');
  }
  for (const ready of all('[data-ready]', path)) {
    if (!initial.has(ready))
      initial.set(
        ready,
        [...ready.childNodes].map((node) => node.cloneNode(true)),
      );
    const links = progress.ready.map((index) => stepLink(items[index]!));
    if (links.length > 0) ready.replaceChildren(`${ready.dataset['ready']}: `, ...listOf(links), '.');
    else if (path.dataset['path'] === 'next') ready.replaceChildren(...initial.get(ready)!.map((node) => node.cloneNode(true)));
    else if (progress.all.done === progress.all.total) ready.textContent = 'Every skill on this path is done.';
    else ready.textContent = 'Next: finish the skills you are learning, and the ones they open up will show here.';
  }
}

/** Draws the marks on everything the page shows, then lets the marks be seen (they are hidden while loading). */
function draw(): void {
  // The progress page's lists first: the mark buttons they add are drawn with the rest.
  if (manage) manage.draw();
  for (const group of all('[data-mark]')) {
    const state = marks.get(keyOf(group));
    setState(group, state);
    for (const button of all<HTMLButtonElement>('button', group)) button.setAttribute('aria-pressed', String(button.value === state));
  }
  for (const badge of all('[data-marked]')) {
    const state = marks.get(keyOf(badge));
    setState(badge, state);
    // The badge shows a symbol (progress.css); its words are for screen readers.
    const words = document.createElement('span');
    words.className = 'visually-hidden';
    words.textContent = `your mark: ${state}`;
    badge.replaceChildren(...(state ? [words] : []));
  }
  for (const count of all('[data-role-progress]')) {
    const steps = count.dataset['roleProgress']!.split(' ').map((step) => ({ keys: step.split('|'), core: true, after: [] }));
    count.textContent = `${pathProgress(steps, marks).core.done} of ${steps.length} core skills done`;
  }
  for (const path of all('[data-path]')) drawPath(path);
  root.dataset['progress'] = 'ready';
}

function press(button: HTMLButtonElement): void {
  const group = button.closest<HTMLElement>('[data-mark]')!;
  const key = keyOf(group);
  const state = MARK_STATES.find((s) => s === button.value);
  if (!state) return;
  const next = marks.get(key) === state ? undefined : state;
  if (next) marks.set(key, next);
  else marks.delete(key);
  const saved = save();
  draw();
  const tally = group.closest('[data-path]')?.querySelector('[data-tally="core"]')?.textContent;
  announce(
    `${group.getAttribute('aria-label')}: ${next ? `marked ${next}` : 'mark removed'}${saved ? '' : ', for this visit only'}.${tally ? ` ${tally}.` : ''}`,
    group,
  );
}

// ── The progress page ─────────────────────────────────────────────────────────

interface PageEntry {
  title: string;
  url: string;
}

/** The progress page's lists, export, import and clear, and every old id the site knows; undefined on other pages. */
let manage: { draw(): void; aliases: Map<string, string> } | undefined;

function download(name: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href));
}

/** Asks the reader in the page's <dialog>; resolves true only when they choose the confirming button. */
function confirmWith(dialog: HTMLDialogElement, text: string, confirm: string): Promise<boolean> {
  dialog.querySelector('[data-confirm-text]')!.textContent = text;
  dialog.querySelector('[data-confirm-ok]')!.textContent = confirm;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}

function managePage(page: HTMLElement): NonNullable<typeof manage> {
  const data = JSON.parse(document.getElementById('progress-entries')!.textContent!) as {
    entries: Record<string, PageEntry>;
    aliases: Record<string, string>;
  };
  const entries = new Map(Object.entries(data.entries));
  const aliases = pageAliases(Object.entries(data.aliases));
  const dialog = page.querySelector<HTMLDialogElement>('[data-confirm]')!;
  const status = (text: string) => announce(text, page);
  const titleOf = (key: string) => entries.get(key)?.title ?? key;

  const markList = page.querySelector<HTMLElement>('[data-mark-list]')!;
  const goneList = page.querySelector<HTMLElement>('[data-gone-list]')!;
  const setAsideList = page.querySelector<HTMLElement>('[data-set-aside-list]')!;
  const template = page.querySelector<HTMLTemplateElement>('[data-mark-template]')!;

  /** A mark button group for one entry, from the page's template (the same markup the skill pages have). */
  const markGroup = (key: string, entry: PageEntry) => {
    const group = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    group.dataset['mark'] = key;
    group.setAttribute('aria-label', entry.title);
    return group;
  };

  const setAside = (): string[] => {
    try {
      return Object.keys(localStorage)
        .filter((key) => key.startsWith(SET_ASIDE_PREFIX))
        .sort();
    } catch {
      return [];
    }
  };

  /** Skills listed with their buttons: a mark removed here stays listed (unpressed) until the page is left, so its button keeps focus. */
  let listed = new Set<string>();
  const drawLists = () => {
    const live = [...marks.keys()].filter((key) => entries.has(key));
    if (live.some((key) => !listed.has(key))) {
      listed = new Set([...listed, ...live]);
      markList.replaceChildren(
        ...[...listed]
          .sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'en'))
          .map((key) => {
            const entry = entries.get(key)!;
            const item = document.createElement('li');
            const link = document.createElement('a');
            link.href = entry.url;
            link.textContent = entry.title;
            item.append(link, ' ', markGroup(key, entry));
            return item;
          }),
      );
    }
    page.querySelector<HTMLElement>('[data-no-marks]')!.hidden = listed.size > 0;

    const gone = [...marks].filter(([key]) => !entries.has(key)).sort(([a], [b]) => (a < b ? -1 : 1));
    goneList.replaceChildren(
      ...gone.map(([key, state]) => {
        const item = document.createElement('li');
        item.textContent = `${key} (${state})`;
        return item;
      }),
    );
    goneList.closest<HTMLElement>('section')!.hidden = gone.length === 0;

    const kept = setAside();
    setAsideList.replaceChildren(
      ...kept.map((key) => {
        const item = document.createElement('li');
        const when = new Date(key.slice(SET_ASIDE_PREFIX.length));
        const save = document.createElement('button');
        save.type = 'button';
        save.textContent = 'Download it';
        save.onclick = () =>
          download(
            `backend-atlas-unreadable-progress-${key.slice(SET_ASIDE_PREFIX.length, SET_ASIDE_PREFIX.length + 10)}.txt`,
            localStorage.getItem(key) ?? '',
          );
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Delete it';
        remove.onclick = async () => {
          if (
            !(await confirmWith(
              dialog,
              'Delete this unreadable saved progress for good? Download it first if you may want to recover it.',
              'Delete it',
            ))
          )
            return;
          localStorage.removeItem(key);
          drawLists();
          status('The unreadable saved progress was deleted.');
        };
        item.append(
          `Set aside ${Number.isNaN(when.getTime()) ? '' : `on ${when.toLocaleString('en-GB')} `}because it could not be read. `,
          save,
          ' ',
          remove,
        );
        return item;
      }),
    );
    setAsideList.closest<HTMLElement>('section')!.hidden = kept.length === 0;
    page.querySelector<HTMLButtonElement>('[data-export]')!.disabled = marks.size === 0;
    page.querySelector<HTMLButtonElement>('[data-clear]')!.disabled = marks.size === 0;
  };

  page.querySelector<HTMLButtonElement>('[data-export]')!.onclick = () => {
    const name = `backend-atlas-progress-${new Date().toISOString().slice(0, 10)}.json`;
    download(name, progressText(marks, new Date()));
    status(`Exported ${marks.size} mark${marks.size === 1 ? '' : 's'} to ${name}.`);
  };

  page.querySelector<HTMLButtonElement>('[data-clear]')!.onclick = async () => {
    const count = marks.size;
    if (
      !(await confirmWith(dialog, `Remove all ${count} marks from this browser? Export them first if you may want them back.`, 'Remove all marks'))
    ) {
      status('Nothing was removed.');
      return;
    }
    marks = new Map();
    save();
    listed = new Set();
    markList.replaceChildren();
    draw();
    status(`All ${count} marks were removed.`);
  };

  const input = page.querySelector<HTMLInputElement>('[data-import]')!;
  input.onchange = async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const refuse = (problem: string) => status(`${file.name} was not imported: ${problem}. Your marks are unchanged.`);
    const large = sizeProblem(file.size);
    if (large) return refuse(large);
    const result = readProgress(await file.text());
    if (!result.ok) return refuse(result.problem);
    // A file exported before an entry was renamed names it by its old id.
    const plan = importPlan(marks, carryOver(result.marks, aliases).marks);
    if (plan.added.length + plan.changed.length === 0) return status(`${file.name} has nothing new: your marks already match it.`);
    if (plan.changed.length > 0) {
      const changes = plan.changed.map((key) => `${titleOf(key)} from ${marks.get(key)} to ${plan.merged.get(key)}`);
      const question = `Importing ${file.name} would change ${plan.changed.length} of your marks (${changes.slice(0, 5).join('; ')}${changes.length > 5 ? '; …' : ''})${plan.added.length > 0 ? ` and add ${plan.added.length}` : ''}. Import it?`;
      if (!(await confirmWith(dialog, question, 'Import and change my marks')))
        return status(`${file.name} was not imported. Your marks are unchanged.`);
    }
    marks = plan.merged;
    const saved = save();
    draw();
    status(`Imported ${file.name}: ${plan.added.length} added, ${plan.changed.length} changed${saved ? '' : ', for this visit only'}.`);
  };

  return { draw: drawLists, aliases };
}

// ── Start ──────────────────────────────────────────────────────────────────────

let started: Promise<void> | undefined;

function start(): Promise<void> {
  started ??= new Promise<void>((resolve) => {
    // The boot script may load this before the page has finished parsing: draw once it has.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    else resolve();
  }).then(() => {
    read();
    const page = document.querySelector<HTMLElement>('[data-progress-page]');
    if (page) manage = managePage(page);
    const carried = carryOver(marks, manage?.aliases ?? pageAliases());
    if (carried.moved > 0) {
      marks = carried.marks;
      save();
    }
    draw();
    // Another tab changed the marks: show the same.
    addEventListener('storage', (event) => {
      if (event.key !== PROGRESS_STORAGE_KEY && event.key !== null) return;
      marks = new Map();
      read();
      draw();
    });
  });
  return started;
}

function onClick(event: Event): void {
  const button = (event.target as Element).closest<HTMLButtonElement>('.mark button');
  if (button) void start().then(() => press(button));
}

declare global {
  /** The click that made the boot script load this code, if one did (PENDING_CLICK in src/lib/progress/progress-boot-script.ts). */
  var pe: Event | undefined;
}

// The click that loaded this code has passed: act on it, then on every click from now on.
const pending = globalThis.pe;
globalThis.pe = undefined;
addEventListener('click', onClick);
if (pending) onClick(pending);
else void start();
