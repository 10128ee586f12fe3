/**
 * The business profile editor on the board: business.json as JSON in a text area, loaded when opened (GET
 * /api/business) and saved with the ETag it was loaded with (PUT with If-Match), so two dispatchers editing at once
 * get "changed since you loaded it" instead of overwriting each other. The server names every bad field.
 */
import { byId } from '../lib/dom';

export function wireBusinessProfile(): void {
  const details = byId<HTMLDetailsElement>('business-details');
  const area = byId<HTMLTextAreaElement>('business-json');
  const error = byId('business-error');
  const saved = byId('business-saved');
  let etag: string | null = null;

  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    error.textContent = '';
    const response = await fetch('/api/business', { cache: 'no-store' });
    const body = (await response.json().catch(() => null)) as ({ errors?: string[] } & Record<string, unknown>) | null;
    if (!response.ok || body === null) {
      error.textContent = `Could not load the profile (${response.status}).`;
      return;
    }
    etag = response.headers.get('ETag');
    const { errors, ...profile } = body;
    area.value = JSON.stringify(profile, null, 2);
    if (errors?.length) error.textContent = `The stored profile has problems: ${errors.join('; ')}`;
  });

  byId('business-save').addEventListener('click', async () => {
    error.textContent = '';
    saved.textContent = '';
    let value: unknown;
    try {
      value = JSON.parse(area.value);
    } catch (problem) {
      error.textContent = `That is not valid JSON: ${(problem as Error).message}`;
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (etag) headers['If-Match'] = etag;
    const response = await fetch('/api/business', { method: 'PUT', cache: 'no-store', headers, body: JSON.stringify(value) });
    const body = (await response.json().catch(() => null)) as { errors?: string[]; error?: string } | null;
    if (response.ok) {
      etag = response.headers.get('ETag');
      saved.textContent = 'Saved.';
    } else {
      error.textContent = body?.errors?.join('; ') ?? body?.error ?? `Could not save (${response.status}).`;
    }
  });
}
