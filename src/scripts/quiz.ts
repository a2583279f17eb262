/**
 * Progressive enhancement of the Scorecard form: one statement at a time with a progress bar,
 * Back/Next and keyboard shortcuts. Answers and the submission id survive a reload through
 * localStorage, under the key the form names (data-storage-key), so the public quiz and a
 * campaign in progress on the same device never mix. Without JavaScript the same form shows
 * every statement and posts as is. A step marked data-optional may be left unanswered.
 */

/** The public quiz's key; campaign links use their own. */
export const QUIZ_STORAGE_KEY = "mistvine.scorecard.v1";
const ADVANCE_DELAY_MS = 220;

interface SavedQuiz {
  submissionId?: string;
  answers: Record<string, string>;
  step: number;
}

function load(key: string): SavedQuiz | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as SavedQuiz) : null;
  } catch {
    return null;
  }
}

function save(key: string, state: SavedQuiz): void {
  try {
    localStorage.setItem(key, JSON.stringify(state));
  } catch {
    // Private mode or full storage: the quiz still works, it just will not survive a reload.
  }
}

export function clearSavedQuiz(key = QUIZ_STORAGE_KEY): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** 22 URL-safe random characters, the shape the submission id schema accepts. */
function randomSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function enhanceQuiz(form: HTMLFormElement): void {
  const items = [...form.querySelectorAll<HTMLLIElement>(".q-item")];
  const nav = form.querySelector<HTMLElement>("[data-nav]");
  const progress = form.querySelector<HTMLElement>("[data-progress]");
  const count = form.querySelector<HTMLElement>("[data-count]");
  const bar = form.querySelector<HTMLElement>("[data-bar]");
  const back = form.querySelector<HTMLButtonElement>("[data-back]");
  const next = form.querySelector<HTMLButtonElement>("[data-next]");
  const submit = form.querySelector<HTMLButtonElement>("[data-submit]");
  const submissionInput = form.querySelector<HTMLInputElement>('input[name="submission_id"]');
  if (!items.length || !nav || !progress || !count || !bar || !back || !next || !submit) return;
  const storageKey = form.dataset.storageKey ?? QUIZ_STORAGE_KEY;
  const submitLabel = submit.textContent ?? "";
  const statements = items.filter((item) => item.dataset.optional !== "true").length;

  const hasServerErrors = form.dataset.hasErrors === "true";
  // The prerendered quiz is one file for everyone, so the idempotency key is made here.
  if (submissionInput && !submissionInput.value) submissionInput.value = randomSubmissionId();
  const saved = hasServerErrors ? null : load(storageKey);
  if (saved) {
    if (submissionInput && saved.submissionId) submissionInput.value = saved.submissionId;
    for (const [name, value] of Object.entries(saved.answers)) {
      const input = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
      if (input) input.checked = true;
    }
  }

  const radiosOf = (i: number) => [...items[i].querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const answered = (i: number) => items[i].dataset.optional === "true" || radiosOf(i).some((r) => r.checked);
  const firstUnanswered = () => {
    const i = items.findIndex((_, idx) => !answered(idx));
    return i === -1 ? items.length - 1 : i;
  };

  let step = hasServerErrors ? firstUnanswered() : Math.min(saved?.step ?? 0, firstUnanswered());
  let advanceTimer: number | undefined;

  const persist = () => {
    const answers: Record<string, string> = {};
    for (const r of form.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')) answers[r.name] = r.value;
    save(storageKey, { submissionId: submissionInput?.value, answers, step });
  };

  const render = (focus: boolean) => {
    items.forEach((item, i) => item.classList.toggle("is-current", i === step));
    const last = step === items.length - 1;
    form.classList.toggle("is-last", last);
    back.disabled = step === 0;
    next.disabled = !answered(step);
    count.textContent = items[step].dataset.stepLabel ?? `Statement ${step + 1} of ${statements}`;
    bar.style.width = `${Math.round(((step + (answered(step) ? 1 : 0)) / items.length) * 100)}%`;
    if (focus) {
      const radios = radiosOf(step);
      (radios.find((r) => r.checked) ?? radios[0])?.focus();
    }
  };

  const go = (to: number) => {
    window.clearTimeout(advanceTimer);
    step = Math.max(0, Math.min(items.length - 1, to));
    persist();
    render(true);
  };

  const advanceSoon = () => {
    window.clearTimeout(advanceTimer);
    if (step < items.length - 1) advanceTimer = window.setTimeout(() => go(step + 1), ADVANCE_DELAY_MS);
    else submit.focus();
  };

  form.classList.add("is-stepper");
  nav.hidden = false;
  progress.hidden = false;
  nav.insertBefore(submit, nav.querySelector(".quiz-keys"));
  form.querySelector("[data-submit-row]")?.remove();

  back.addEventListener("click", () => go(step - 1));
  next.addEventListener("click", () => answered(step) && go(step + 1));

  form.addEventListener("change", () => {
    persist();
    render(false);
  });

  // A pointer click on a choice moves on; arrow keys inside the radio group only change the
  // selection, so keyboard users are never carried past a statement by accident.
  form.addEventListener("click", (event) => {
    const target = event.target as HTMLElement;
    if (event.detail > 0 && target.closest(".choice") && items[step].contains(target)) advanceSoon();
  });

  // Shortcuts work wherever focus is on the page (after a reload it is on the body), except
  // in text fields and on buttons, which keep their own Enter.
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest("textarea, select, input:not([type=radio])")) return;
    if (target !== document.body && !form.contains(target)) return;
    if (target.tagName === "BUTTON" && event.key === "Enter") return;
    if (/^[1-5]$/.test(event.key)) {
      const radio = radiosOf(step)[Number(event.key) - 1];
      if (radio) {
        event.preventDefault();
        radio.checked = true;
        radio.focus();
        persist();
        render(false);
        advanceSoon();
      }
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (step === items.length - 1) {
        if (answered(step)) form.requestSubmit(submit);
      } else if (answered(step)) go(step + 1);
    } else if (event.key === "Backspace") {
      event.preventDefault();
      go(step - 1);
    }
  });

  form.addEventListener("submit", (event) => {
    const missing = items.findIndex((_, i) => !answered(i));
    if (missing !== -1) {
      event.preventDefault();
      go(missing);
      return;
    }
    submit.disabled = true;
    submit.textContent = submit.dataset.busyLabel ?? "Sending…";
    clearSavedQuiz(storageKey);
  });

  // Coming back to the page (browser Back) must not leave the submit button disabled.
  window.addEventListener("pageshow", () => {
    submit.disabled = false;
    submit.textContent = submitLabel;
  });

  render(false);
}
