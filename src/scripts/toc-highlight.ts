/**
 * Marks the table-of-contents link of the section being read (aria-current="true"),
 * as the reader scrolls. Progressive enhancement: the contents work as plain links
 * without it. One passive scroll listener, throttled to animation frames.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const sections = links.flatMap((link) => {
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  return target ? [{ link, target }] : [];
});

let frame = 0;
let current: HTMLAnchorElement | undefined;
function update(): void {
  frame = 0;
  // Headings in the top third of the window or above it. Of these, the highest one still on
  // screen is being read (so a short section is not skipped); if all have scrolled off, the last.
  const line = innerHeight / 3;
  const passed = sections.map(({ link, target }) => ({ link, top: target.getBoundingClientRect().top })).filter(({ top }) => top <= line);
  let active = (passed.find(({ top }) => top >= 0) ?? passed.at(-1))?.link;
  // At the very bottom, the last section is the one being read even if its heading never reached the line.
  if (sections.length > 0 && innerHeight + scrollY >= document.documentElement.scrollHeight - 2) active = sections.at(-1)!.link;
  if (active === current) return;
  current?.removeAttribute('aria-current');
  active?.setAttribute('aria-current', 'true');
  current = active;
}

if (sections.length > 0) {
  addEventListener('scroll', () => (frame ||= requestAnimationFrame(update)), { passive: true });
  addEventListener('resize', () => (frame ||= requestAnimationFrame(update)), { passive: true });
  update();
}
