/**
 * Saves a PPP draft through the JSON API a moment after the lead stops typing, and says so in
 * the form's live region. "Done, and list it under Progress" fills the first empty Progress line without
 * a round trip. Without JavaScript the form's own buttons do both by posting the page.
 */
const form = document.querySelector<HTMLFormElement>("form[data-ppp-form]");
const KINDS = ["progress", "plans", "problems"] as const;
const DELAY_MS = 800;

interface Line {
  text: HTMLInputElement;
  objective: HTMLSelectElement | null;
  thread: HTMLInputElement | null;
}

function linesOf(f: HTMLFormElement, kind: string): Line[] {
  return [...f.querySelectorAll<HTMLInputElement>(`input[name^="${kind}"][name$="_text"]`)]
    .filter((input) => new RegExp(`^${kind}\\d+_text$`).test(input.name))
    .map((text) => {
      const stem = text.name.slice(0, -"_text".length);
      return {
        text,
        objective: f.querySelector(`select[name="${stem}_objective"]`) as HTMLSelectElement | null,
        thread: f.querySelector<HTMLInputElement>(`input[name="${stem}_thread"]`),
      };
    });
}

if (form) {
  const status = form.querySelector<HTMLElement>("[data-save-status]");
  const autosave = form.dataset.state === "draft";
  let timer: number | undefined;
  let pending = false;
  let lastSent = "";

  const payload = () => {
    const body: Record<string, unknown> = {
      notes: (form.elements.namedItem("notes") as HTMLTextAreaElement | null)?.value ?? "",
      reviews: {},
    };
    const sent: Record<string, Line[]> = {};
    for (const kind of KINDS) {
      const lines = linesOf(form, kind).filter((l) => l.text.value.trim() !== "" || (l.objective?.value ?? "") !== "");
      sent[kind] = lines;
      body[kind] = lines.map((l) => ({
        text: l.text.value,
        objectiveId: l.objective?.value || null,
        ...(l.thread?.value ? { thread: l.thread.value } : {}),
      }));
    }
    const reviews: Record<string, string> = {};
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[type="radio"][name^="review_"]:checked'))
      reviews[radio.name.slice("review_".length)] = radio.value;
    body.reviews = reviews;
    return { json: JSON.stringify(body), sent };
  };

  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  const save = async (keepalive = false) => {
    const { json, sent } = payload();
    if (json === lastSent) return;
    say("Saving…");
    try {
      const response = await fetch(form.dataset.api ?? "", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: json,
        credentials: "same-origin",
        keepalive,
      });
      const answer = (await response.json()) as {
        savedAt?: string;
        threads?: Record<string, string[]>;
        error?: { message: string; details: { issue: string }[] };
      };
      if (!response.ok || !answer.threads) {
        say(`Not saved: ${answer.error?.details[0]?.issue ?? answer.error?.message ?? "try again"}`);
        return;
      }
      lastSent = json;
      // New items got thread ids: keep them so the next save updates the same items.
      for (const kind of KINDS)
        answer.threads[kind]?.forEach((thread, i) => sent[kind][i]?.thread && (sent[kind][i].thread!.value = thread));
      const at = new Date(answer.savedAt ?? Date.now());
      say(`Saved ${at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}.`);
    } catch {
      say("Not saved: you seem to be offline. Use Save draft once you are back.");
    }
  };

  const schedule = () => {
    if (!autosave) return;
    window.clearTimeout(timer);
    pending = true;
    timer = window.setTimeout(() => {
      pending = false;
      void save();
    }, DELAY_MS);
  };

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", () => {
    window.clearTimeout(timer);
    pending = false;
  });

  for (const button of form.querySelectorAll<HTMLButtonElement>("button[data-move-plan]")) {
    button.addEventListener("click", (event) => {
      const empty = linesOf(form, "progress").find((l) => l.text.value.trim() === "");
      if (!empty) return; // Progress is full: let the form post and explain.
      event.preventDefault();
      const done = form.querySelector<HTMLInputElement>(`input[name="review_${button.dataset.movePlan}"][value="done"]`);
      if (done) done.checked = true;
      empty.text.value = button.dataset.text ?? "";
      if (empty.objective && button.dataset.objective && [...empty.objective.options].some((o) => o.value === button.dataset.objective))
        empty.objective.value = button.dataset.objective;
      empty.text.focus();
      say("Marked done and moved to Progress.");
      schedule();
    });
  }

  // Leaving with a save still pending: send it now; keepalive lets it finish after the page is gone.
  window.addEventListener("pagehide", () => {
    if (!pending) return;
    window.clearTimeout(timer);
    pending = false;
    void save(true);
  });
}
