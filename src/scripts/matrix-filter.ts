/**
 * <matrix-filter>: narrows the skills matrix to one role and/or to the skills
 * that matter, by hiding cells and rows (the table itself is complete static
 * HTML). The choice is kept in the URL (?role=…&show=…) so a filtered view can
 * be shared; without JavaScript this element stays hidden.
 */
customElements.define(
  'matrix-filter',
  class extends HTMLElement {
    connectedCallback(): void {
      const [role, show] = this.querySelectorAll('select');
      const table = document.querySelector<HTMLTableElement>('[data-matrix]')!;
      const status = this.querySelector('[data-filter-status]')!;
      const params = new URLSearchParams(location.search);
      // An unknown value leaves no option selected: fall back to the first one.
      for (const [select, name] of [
        [role!, 'role'],
        [show!, 'show'],
      ] as const) {
        select.value = params.get(name) ?? '';
        if (select.selectedIndex < 0) select.selectedIndex = 0;
      }

      const apply = (): void => {
        const only = role!.value;
        const mode = show!.value;
        // Columns are found by position: the cells carry no role, to keep thousands of them small.
        const column = [...table.rows[0]!.cells].findIndex((cell) => cell.dataset['role'] === only);
        const rows = [...table.querySelectorAll<HTMLTableRowElement>('tr[data-skill]')];
        for (const row of [table.rows[0]!, ...rows]) {
          for (const cell of [...row.cells].slice(1)) cell.hidden = only !== '' && cell.cellIndex !== column;
        }
        for (const row of rows) {
          const levels = [...row.querySelectorAll<HTMLElement>('td:not([hidden])')].map((cell) => cell.dataset['level']);
          row.hidden = mode === 'core' ? !levels.includes('core') : mode === 'listed' && levels.every((level) => level === 'none');
        }
        for (const group of table.tBodies) {
          const heading = group.rows[0]!;
          heading.hidden = !group.querySelector('tr[data-skill]:not([hidden])');
          heading.cells[0]!.colSpan = only ? 2 : table.rows[0]!.cells.length;
        }
        status.textContent = `Showing ${rows.filter((row) => !row.hidden).length} of ${rows.length} skills for ${only ? role!.selectedOptions[0]!.text : 'all roles'}.`;
        const url = new URL(location.href);
        url.search = new URLSearchParams([...(only ? [['role', only]] : []), ...(mode !== 'all' ? [['show', mode]] : [])]).toString();
        history.replaceState(null, '', url);
      };
      this.onchange = apply;
      if (role!.selectedIndex > 0 || show!.selectedIndex > 0) apply();
    }
  },
);
