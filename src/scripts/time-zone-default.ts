/** Preselects the browser's time zone on the create-organisation form if the field is untouched. */
const select = document.querySelector('select[name="timeZone"]') as HTMLSelectElement | null;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (select && select.value === "UTC" && zone && [...select.options].some((o) => o.value === zone)) select.value = zone;
