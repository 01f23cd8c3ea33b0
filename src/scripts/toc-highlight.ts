/**
 * Marks the table-of-contents link of the section being read (aria-current="true")
 * as the reader scrolls. Progressive enhancement: the contents work as plain links
 * without it. One passive scroll listener, throttled to animation frames.
 */
const sections = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')].flatMap((link) => {
  const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  return heading ? [{ link, heading }] : [];
});
let frame = 0;
let current: Element | undefined;

function update(): void {
  frame = 0;
  // Headings in the top third of the window or above it. Of these, the highest one still on
  // screen is being read (so a short section is not skipped); if all have scrolled off, the last.
  // At the very bottom of the page, the last section is being read even if its heading is low.
  const passed = sections.filter(({ heading }) => heading.getBoundingClientRect().top <= innerHeight / 3);
  const atBottom = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
  const active = (atBottom ? sections.at(-1) : (passed.find(({ heading }) => heading.getBoundingClientRect().top >= 0) ?? passed.at(-1)))?.link;
  if (active === current) return;
  current?.removeAttribute('aria-current');
  active?.setAttribute('aria-current', 'true');
  current = active;
}

const schedule = () => (frame ||= requestAnimationFrame(update));
addEventListener('scroll', schedule, { passive: true });
addEventListener('resize', schedule, { passive: true });
update();
