/**
 * <matrix-filter>: narrows the skills matrix to one role and/or to the skills
 * that matter, by hiding cells and rows (the table itself is complete static
 * HTML). The choice is kept in the URL (?role=…&show=…) so a filtered view can
 * be shared; without JavaScript this element stays hidden.
 */
const SHOW = ['all', 'listed', 'core'] as const;
type Show = (typeof SHOW)[number];

class MatrixFilter extends HTMLElement {
  connectedCallback(): void {
    const controls = this.querySelector('fieldset');
    const table = document.querySelector<HTMLTableElement>('[data-matrix]');
    const status = this.querySelector('[data-filter-status]');
    if (!controls || !table || !status) return;
    const role = controls.elements.namedItem('role') as HTMLSelectElement;
    const show = controls.elements.namedItem('show') as HTMLSelectElement;
    const params = new URLSearchParams(location.search);
    if ([...role.options].some((option) => option.value === params.get('role'))) role.value = params.get('role')!;
    if (SHOW.includes(params.get('show') as Show)) show.value = params.get('show')!;

    const apply = (): void => {
      const only = role.value;
      const mode = show.value as Show;
      for (const cell of table.querySelectorAll<HTMLElement>('[data-role]')) cell.hidden = only !== '' && cell.dataset['role'] !== only;
      let shown = 0;
      const rows = table.querySelectorAll<HTMLTableRowElement>('tr[data-skill]');
      for (const row of rows) {
        const levels = [...row.querySelectorAll<HTMLElement>('td[data-level]')].filter((cell) => !cell.hidden).map((cell) => cell.dataset['level']);
        row.hidden = mode === 'core' ? !levels.includes('core') : mode === 'listed' ? levels.every((level) => level === 'none') : false;
        if (!row.hidden) shown++;
      }
      for (const group of table.tBodies) {
        const header = group.querySelector<HTMLElement>('.group-row');
        if (header) header.hidden = !group.querySelector('tr[data-skill]:not([hidden])');
        const heading = header?.querySelector('th');
        if (heading) heading.colSpan = only === '' ? table.tHead!.rows[0]!.cells.length : 2;
      }
      const who = only === '' ? 'all roles' : role.selectedOptions[0]!.text;
      status.textContent = `Showing ${shown} of ${rows.length} skills for ${who}.`;
      const url = new URL(location.href);
      url.searchParams.delete('role');
      url.searchParams.delete('show');
      if (only !== '') url.searchParams.set('role', only);
      if (mode !== 'all') url.searchParams.set('show', mode);
      history.replaceState(null, '', url);
    };
    controls.addEventListener('change', apply);
    if (role.value !== '' || show.value !== 'all') apply();
  }
}

customElements.define('matrix-filter', MatrixFilter);
