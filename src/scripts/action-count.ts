/**
 * Fills in the Action Center's count in the org navigation on pages that do not compute the
 * items themselves: one request to the same API the Action Center uses, after the page shows.
 */
const link = document.querySelector<HTMLAnchorElement>("[data-actions-link]");
const badge = link?.querySelector<HTMLElement>("[data-action-count]");
if (link && badge) {
  fetch(link.dataset.actionsLink ?? "", { credentials: "same-origin", headers: { accept: "application/json" } })
    .then((res) => (res.ok ? (res.json() as Promise<{ count: number }>) : null))
    .then((body) => {
      if (!body || !(body.count > 0)) return;
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = ", open items: ";
      badge.replaceChildren(hidden, String(body.count));
      badge.hidden = false;
    })
    .catch(() => undefined);
}
